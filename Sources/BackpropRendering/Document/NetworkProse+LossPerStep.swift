import BackpropKit

// MARK: - Loss per step

/// The loss of every gradient-descent step, at the end of a handout that runs several.
extension NetworkProse {
    /// The heading of the loss per gradient-descent step.
    package var lossPerStepHeading: Heading { Heading(level: 1, title: [.text("Loss per step")]) }

    /// What the loss per step shows.
    package func lossPerStepExplanation(_ training: TrainingRun) -> [Phrase] {
        let steps = training.steps == 1 ? "one step" : "\(training.steps) steps"
        let (first, last) = (training.losses.first ?? 0, training.losses.last ?? 0)
        let trend = last < first ? " The loss went down from " : " The loss did not go down: it went from "
        return [.text("Gradient descent with learning rate "), .math(.of(.learningRate)), .text(" for \(steps): each step runs the forward and backward passes above through the current weights, then updates them. Step 0 is the loss before the first update."),
                .text(trend), .math(.constant(first)), .text(" to "), .math(.constant(last)), .text(".")]
    }

    /// Each step's loss and its change from the step before.
    package func lossPerStepTable(_ training: TrainingRun) -> Table {
        Table(columns: [.text("Step"), .phrases([.text("loss "), .math(.of(.loss))]), .text("change")],
                     rows: training.losses.enumerated().map { step, loss in
                         [.text(String(step)), .number(loss), step == 0 ? .text("") : .number(rounding(loss - training.losses[step - 1]))]
                     })
    }
}
