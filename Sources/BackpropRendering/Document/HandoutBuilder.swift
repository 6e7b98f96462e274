import BackpropKit

/// Emits the blocks of every document derive writes, in reading order: the document's structure written
/// once, for every format. The words come from ``NetworkProse`` and ``GraphProse`` beside it.
struct HandoutBuilder {
    let handout: Handout
    let shows: (PictureKind) -> Bool

    /// The blocks of the handout, one section at a time.
    var blocks: HandoutBlocks {
        switch handout.content {
        case .network(let derivation): return HandoutBlocks(chunks: network(derivation))
        case .graph(let derivation): return HandoutBlocks(chunks: graph(derivation))
        case .classKey(let sheets): return HandoutBlocks(chunks: classKey(sheets))
        }
    }

    // MARK: - Network derivations and exercise sheets

    private func network(_ derivation: Derivation) -> AnySequence<[HandoutBlock]> {
        let prose = NetworkProse(network: derivation.network, notation: handout.notation, numbers: handout.numbers,
                                 rounding: derivation.backpropagation.rounding)
        let isExercise = derivation.exercise != nil
        let notation = NotationProse(network: derivation.network, notation: handout.notation).blocks
        let opening: [HandoutBlock] = (isExercise ? [.paragraph(prose.exerciseInstructions)] : []) + notation
        let sections = derivation.sections.lazy.map { section in
            self.handout.sectionObserver?(section.kind, derivation.network.depth)
            // A short handout leaves the backward pass's explanations to the full one.
            let explains = derivation.focus == nil || !Self.isBackwardStep(section.kind)
            var blocks = self.blocks(of: section, headings: prose.headings(before: section.kind),
                                     explanation: explains ? prose.explanation(of: section.kind) : [])
            if section.kind == .given {
                if let focus = derivation.focus { blocks.append(.paragraph(prose.focusExplanation(focus))) }
                blocks += self.diagrams([.network].filter(Self.diagramKinds(of: derivation).contains), of: derivation, headed: false)
                if isExercise { blocks += self.weightTables(of: derivation, prose) }
            }
            if derivation.focus != nil { blocks += self.compactTables(after: section.kind, of: derivation, prose) }
            if isExercise { blocks += self.questionBlocks(after: section.kind, of: derivation, prose) }
            return blocks
        }
        // An exercise sheet ends with its last blank: the answers are a file of their own. A short handout's
        // tables already give every layer's gradients, and it keeps to its path.
        let closing = Self.deferred {
            isExercise ? [] : self.pictures(of: derivation, prose) + self.matrixForm(of: derivation, prose)
                + (derivation.focus == nil ? self.closingSections(of: derivation, prose) : self.checkAndLossSections(of: derivation, prose))
        }
        return AnySequence([AnySequence([opening]), AnySequence(sections), closing].joined())
    }

    /// A section's headings, its explanation and its steps; nothing when it prints no step.
    private func blocks(of section: Section, headings: [Heading], explanation: [Phrase]) -> [HandoutBlock] {
        blocks(of: section.printedSteps, given: section.kind == .given, headings: headings, explanation: explanation)
    }

    /// Headings, an explanation and steps: the given values after where they come from, or equations;
    /// nothing when there is no step.
    private func blocks(of steps: [Step], given: Bool, headings: [Heading], explanation: [Phrase]) -> [HandoutBlock] {
        guard !steps.isEmpty else { return [] }
        var blocks = headings.map(HandoutBlock.heading)
        if !explanation.isEmpty { blocks.append(.paragraph(explanation)) }
        guard given else { return blocks + [.equations(steps)] }
        if let provenance = HandoutProse.provenance(of: handout.info) { blocks.append(.paragraph(provenance)) }
        return blocks + [.givenValues(steps)]
    }

    /// The four pictures of "Backpropagation in four diagrams", under their heading, when the format shows any;
    /// a short handout leaves them out.
    private func pictures(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        let diagrams = self.diagrams(DiagramKind.fourDiagrams.filter(Self.diagramKinds(of: derivation).contains), of: derivation, headed: true)
        guard !diagrams.isEmpty else { return [] }
        return [.heading(prose.picturesHeading), .paragraph(prose.picturesExplanation)] + diagrams
    }

    private func diagrams(_ kinds: [DiagramKind], of derivation: Derivation, headed: Bool) -> [HandoutBlock] {
        kinds.filter { shows(.diagram($0)) }.map { kind in
            .picture(.diagram(NetworkDiagram(derivation: derivation, notation: handout.notation, kind: kind), headed: headed))
        }
    }

    private func matrixForm(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        guard let vectorized = derivation.vectorized else { return [] }
        var blocks: [HandoutBlock] = [.heading(prose.matrixFormHeading), .paragraph(prose.matrixFormExplanation)]
        var layer: Int?
        for step in vectorized.steps {
            if step.layer != layer {
                layer = step.layer
                blocks.append(.heading(prose.matrixLayerHeading(step.layer)))
            }
            let remark = prose.matrixRemark(step)
            blocks.append(.paragraph(remark.isEmpty ? prose.matrixShapes(step) : remark + [.text(" ")] + prose.matrixShapes(step)))
            blocks.append(.matrixStep(MatrixStepBlock(step: step, tieBack: HandoutProse.tieBack)))
        }
        return blocks
    }

    /// The gradient sizes by layer, their table and their plot, then the gradient check and the loss per step when
    /// there are, and the algorithm as a loop (which a short handout, keeping to its path, leaves out).
    private func closingSections(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        [.heading(prose.summaryHeading), .paragraph(prose.summaryExplanation(derivation.summary)), .table(prose.summaryTable(derivation.summary))]
            + diagrams([.gradientSizes], of: derivation, headed: false) + checkAndLossSections(of: derivation, prose)
            + AlgorithmProse(network: derivation.network, notation: handout.notation).blocks
    }

    /// The gradient check and the loss per step, when the handout has them.
    private func checkAndLossSections(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        var blocks: [HandoutBlock] = []
        if let check = derivation.gradientCheck {
            blocks += [.heading(prose.checkHeading), .paragraph(prose.checkExplanation(check)), .table(prose.checkTable(check))]
        }
        if let training = derivation.training, training.listsLosses {
            blocks += [.heading(prose.lossPerStepHeading), .paragraph(prose.lossPerStepExplanation(training)), .table(prose.lossPerStepTable(training))]
            blocks += diagrams([.lossPerStep], of: derivation, headed: false)
        }
        return blocks
    }

    /// The pictures a handout of `derivation` shows, where the format has pictures: the network, the four
    /// diagrams and the gradient sizes, and the loss per step when the handout lists it; on an exercise
    /// sheet, the network alone, with the given values only; on a short handout, whose tables give every neuron,
    /// the loss per step alone.
    package static func diagramKinds(of derivation: Derivation) -> [DiagramKind] {
        guard derivation.exercise == nil else { return [.network] }
        return DiagramKind.allCases.filter { kind in
            (kind != .lossPerStep || derivation.training?.listsLosses == true)
                && (derivation.focus == nil || kind == .lossPerStep)
        }
    }

    /// The filled-in steps of an exercise sheet, each section under a heading naming its layer.
    private func answers(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        derivation.answers.flatMap { section in
            blocks(of: section, headings: [prose.answerHeading(section.kind)], explanation: [])
        } + questionAnswers(of: derivation, prose)
    }

    // MARK: - Class keys

    private func classKey(_ sheets: [(title: String, derivation: Derivation)]) -> AnySequence<[HandoutBlock]> {
        AnySequence(sheets.enumerated().lazy.map { index, sheet in
            let prose = NetworkProse(network: sheet.derivation.network, notation: handout.notation, numbers: handout.numbers,
                                     rounding: sheet.derivation.backpropagation.rounding)
            let start: [HandoutBlock] = index > 0 ? [.pageBreak] : []
            return start + [.heading(Heading(level: 1, title: [.text(sheet.title)]))] + self.answers(of: sheet.derivation, prose)
        })
    }

    // MARK: - Graph derivations

    private func graph(_ derivation: GraphDerivation) -> AnySequence<[HandoutBlock]> {
        let prose = GraphProse(derivation: derivation)
        return AnySequence(derivation.sections.lazy.map { section in
            var blocks = self.blocks(of: section.steps, given: section.kind == .given, headings: [prose.heading(before: section.kind)],
                                     explanation: prose.explanation(of: section.kind))
            guard section.kind == .given, !blocks.isEmpty, self.shows(.graph) else { return blocks }
            let picture = GraphPicture(derivation: derivation, notation: self.handout.notation, numbers: self.handout.numbers)
            blocks.append(.heading(prose.pictureHeading))
            if let diagram = picture.diagram { blocks.append(.picture(.graph(diagram))) }
            let digits = picture.isDrawable && picture.roundsNumbers ? picture.numbers.significantDigits : nil
            blocks.append(.paragraph(prose.pictureExplanation(isDrawn: picture.isDrawable, roundedTo: digits)))
            return blocks
        })
    }

    /// A chunk made only when the iteration reaches it.
    private static func deferred(_ make: @escaping () -> [HandoutBlock]) -> AnySequence<[HandoutBlock]> {
        AnySequence(CollectionOfOne(()).lazy.map { make() })
    }
}
