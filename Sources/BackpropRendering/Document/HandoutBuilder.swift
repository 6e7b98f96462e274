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
            var blocks = self.blocks(of: section, headings: prose.headings(before: section.kind),
                                     explanation: prose.explanation(of: section.kind))
            if section.kind == .given && !isExercise { blocks += self.diagrams([.network], of: derivation, headed: false) }
            return blocks
        }
        let closing = Self.deferred {
            isExercise ? [.pageBreak, .heading(prose.answerKeyHeading)] + self.answers(of: derivation, prose)
                : self.pictures(of: derivation, prose) + self.matrixForm(of: derivation, prose) + self.closingSections(of: derivation, prose)
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

    /// The four pictures of "Backpropagation in four diagrams", under their heading, when the format shows any.
    private func pictures(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        let diagrams = self.diagrams(DiagramKind.fourDiagrams, of: derivation, headed: true)
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

    /// The gradient sizes by layer, their table and their plot, the gradient check when there is one, and the
    /// algorithm as a loop.
    private func closingSections(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        var blocks: [HandoutBlock] = [.heading(prose.summaryHeading), .paragraph(prose.summaryExplanation(derivation.summary)),
                                      .table(prose.summaryTable(derivation.summary))]
        blocks += diagrams([.gradientSizes], of: derivation, headed: false)
        if let check = derivation.gradientCheck {
            blocks += [.heading(prose.checkHeading), .paragraph(prose.checkExplanation(check)), .table(prose.checkTable(check))]
        }
        return blocks + AlgorithmProse(network: derivation.network, notation: handout.notation).blocks
    }

    /// The filled-in steps of an exercise sheet, each section under a heading naming its layer.
    private func answers(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        derivation.answers.flatMap { section in
            blocks(of: section, headings: [prose.answerHeading(section.kind)], explanation: [])
        }
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
