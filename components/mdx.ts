// The components a lesson's MDX may use without importing anything: the lesson page passes
// this map to <Content components={...} />, so MDX files stay prose, math and tags only.
// Each entry is added by the piece of the site that provides the component.
import Cell from './notebook/Cell.astro';
import CoursePath from './course/CoursePath.astro';
import Exercise from './notebook/Exercise.astro';
import MultipleChoice from './quiz/MultipleChoice.astro';
import Option from './quiz/Option.astro';
import GateTable from './widgets/GateTable.astro';
import PerceptronPlayground from './widgets/PerceptronPlayground.astro';
import XorNetwork from './widgets/XorNetwork.astro';
import XorTrainer from './widgets/XorTrainer.astro';
import ForwardStepper from './widgets/ForwardStepper.astro';
import SigmoidExplorer from './widgets/SigmoidExplorer.astro';
import BatchProduct from './widgets/BatchProduct.astro';
import Stacking from './widgets/Stacking.astro';
import DigitBrowser from './widgets/DigitBrowser.astro';
import DigitMatrix from './widgets/DigitMatrix.astro';
import DrawDigit from './widgets/DrawDigit.astro';
import MnistFact from './widgets/MnistFact.astro';
import MnistTrainer from './widgets/MnistTrainer.astro';
import SquaredErrorExample from './widgets/SquaredErrorExample.astro';
import WorkedNumber from './widgets/WorkedNumber.astro';
import SoftmaxExplorer from './widgets/SoftmaxExplorer.astro';
import LossShapes from './widgets/LossShapes.astro';
import GradientComparison from './widgets/GradientComparison.astro';
import LossSwitch from './widgets/LossSwitch.astro';
import LossPair from './widgets/LossPair.astro';
import LogisticLab from './widgets/LogisticLab.astro';

export const mdxComponents = {
  Cell,
  CoursePath,
  Exercise,
  MultipleChoice,
  Option,
  GateTable,
  PerceptronPlayground,
  XorNetwork,
  XorTrainer,
  ForwardStepper,
  SigmoidExplorer,
  BatchProduct,
  Stacking,
  DigitBrowser,
  DigitMatrix,
  DrawDigit,
  MnistFact,
  MnistTrainer,
  SquaredErrorExample,
  WorkedNumber,
  SoftmaxExplorer,
  LossShapes,
  GradientComparison,
  LossSwitch,
  LossPair,
  LogisticLab,
};
