/// The backpropagation derivation of a network as data: sections of steps, each with its forms and value.
///
/// Sections are built one at a time as they are iterated, so a renderer streaming a derivation of a
/// large network holds one section in memory, not the whole document.
public struct Derivation: Sendable {
    /// The numbers behind every step.
    public let backpropagation: Backpropagation
    /// The finite-difference check of every weight and bias, when asked for.
    package let gradientCheck: GradientCheck?
    /// The size of the gradients layer by layer.
    package let summary: GradientSummary
    /// The blanks of an exercise sheet, or `nil` for a complete handout.
    package let exercise: ExerciseBlanks?
    /// The same derivation in matrix form, when asked for.
    package let vectorized: VectorizedDerivation?
    /// The gradient-descent steps after the backward pass, when the network has a learning rate.
    package let training: TrainingRun?
    /// The path a short handout derives in full, or `nil` for every step.
    package let focus: NeuronPath?

    /// Runs the forward and backward passes of `network`; the steps are built as ``sections`` are read.
    /// - Parameters:
    ///   - network: The network to derive.
    ///   - rounding: How each value is stored; ``Rounding/exact`` keeps full precision, rounded values make
    ///     every step reproducible by hand.
    /// - Throws: ``NetworkError/notComputable(reason:)`` when a value is undefined or overflows.
    public init(network: Network, rounding: Rounding = .exact) throws(NetworkError) {
        try self.init(network: network, rounding: rounding, checksGradients: false, exercise: nil, vectorized: false)
    }

    /// Runs the forward and backward passes of `network`, with the additions a handout may ask for.
    /// - Parameters:
    ///   - rounding: How each value is stored; rounded values make every step reproducible by hand.
    ///   - checksGradients: Whether to add a finite-difference check of every weight and bias.
    ///   - exercise: The blanks of an exercise sheet, or `nil` for a complete handout.
    ///   - vectorized: Whether to add the derivation in matrix form.
    ///   - trainingSteps: With a learning rate, the number of gradient-descent steps whose losses the handout
    ///     lists; `nil` for one step, derived in full without the list.
    ///   - focus: The path whose steps the sections keep, the others going into a short handout's tables; `nil` for all.
    /// - Throws: ``NetworkError/notComputable(reason:)`` when a value is undefined or overflows;
    ///   ``NetworkError/invalid(path:reason:)`` when the network is too large to check.
    package init(network: Network, rounding: Rounding = .exact, checksGradients: Bool = false,
                exercise: ExerciseBlanks? = nil, vectorized: Bool = false, trainingSteps: Int? = nil,
                focus: NeuronPath? = nil) throws(NetworkError) {
        self.exercise = exercise
        self.focus = focus
        backpropagation = try Backpropagation(network: network, rounding: rounding)
        training = try TrainingRun(from: backpropagation, steps: trainingSteps ?? 1, listsLosses: trainingSteps != nil)
        gradientCheck = checksGradients ? try GradientCheck(backpropagation: backpropagation) : nil
        summary = GradientSummary(backpropagation: backpropagation)
        self.vectorized = vectorized ? try VectorizedDerivation(backpropagation: backpropagation) : nil
    }

    /// The network derived.
    public var network: Network { backpropagation.network }

    /// The kinds of the sections, in reading order.
    public var sectionKinds: [Section.Kind] {
        var kinds: [Section.Kind] = [.given]
        kinds += (1...network.depth).map { .forwardPass(layer: $0) }
        kinds += [.loss, .errorDerivatives]
        for k in stride(from: network.depth, through: 1, by: -1) {
            kinds += [.calculate(layer: k), .furtherCalculate(layer: k), .weightDerivatives(layer: k), .propagated(layer: k)]
        }
        // The update waits for the whole backward pass, which needs the old weights throughout.
        if training != nil {
            kinds += (1...network.depth).map { .update(layer: $0) }
            kinds += (1...network.depth).map { .updatedForwardPass(layer: $0) }
            kinds.append(.updatedLoss)
        }
        return kinds
    }

    /// The sections in reading order, each built when it is reached; on an exercise sheet, with their blanks.
    public var sections: LazyMapSequence<[Section.Kind], Section> {
        let builder = DerivationBuilder(backpropagation: backpropagation, afterUpdate: training?.afterFirstStep)
        let (exercise, focus) = (exercise, focus)
        return sectionKinds.lazy.map { kind in
            let section = focus?.focusing(builder.section(kind)) ?? builder.section(kind)
            return exercise?.blanking(section) ?? section
        }
    }

    /// The answer key of an exercise sheet: each section's blanked steps, filled in; empty for a complete handout.
    package var answers: LazyFilterSequence<LazyMapSequence<[Section.Kind], Section>> {
        let builder = DerivationBuilder(backpropagation: backpropagation, afterUpdate: training?.afterFirstStep)
        let (exercise, focus) = (exercise, focus)
        return sectionKinds.lazy.map { kind in
            let section = focus?.focusing(builder.section(kind)) ?? builder.section(kind)
            guard let exercise else { return Section(kind: kind, steps: []) }
            let blanked = exercise.blanking(section).printedSteps
            let answered = section.printedSteps.enumerated().filter { index, _ in
                blanked.indices.contains(index) && !blanked[index].blanks.isEmpty
            }.map(\.element)
            return Section(kind: kind, steps: answered)
        }.filter { !$0.steps.isEmpty }
    }
}
