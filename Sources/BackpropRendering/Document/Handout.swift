import BackpropKit

/// A document derive writes, ready for any ``HandoutFormatter``: a network derivation (or exercise sheet
/// with its answers), a graph derivation, or the combined answer key of a class set.
package struct Handout {
    /// What a handout derives.
    package enum Content {
        /// The derivation of a network; an exercise sheet when the derivation has blanks.
        case network(Derivation)
        /// The derivation of an expression on its computational graph.
        case graph(GraphDerivation)
        /// The answers of several exercise sheets, each under its title.
        case classKey([(title: String, derivation: Derivation)])
    }

    /// What the handout derives.
    package let content: Content
    /// The title block and where the values come from.
    package let info: HandoutInfo
    /// How symbols are named.
    package let notation: any Notation
    /// How numbers are written.
    package let numbers: NumberFormat
    /// Told each section of a network derivation, and the network's depth, as the formatter reaches it,
    /// for a progress display.
    package var sectionObserver: ((Section.Kind, _ depth: Int) -> Void)?

    /// A handout of `content`, its numbers printed with `numbers`, the values it is given as they are given.
    package init(_ content: Content, info: HandoutInfo = HandoutInfo(), notation: any Notation, numbers: NumberFormat = .roundTrip) {
        self.content = content
        self.info = info
        self.notation = notation
        switch content {
        case .network(let derivation): self.numbers = numbers.printing(exactly: derivation.network.givenValues)
        case .graph(let derivation): self.numbers = numbers.printing(exactly: derivation.givenValues)
        case .classKey(let sheets): self.numbers = numbers.printing(exactly: sheets.flatMap(\.derivation.network.givenValues))
        }
    }

    /// The depth of the network whose layers colour the error derivatives ∂δ/∂o_{k,j}; `nil` for a graph.
    package var colorDepth: Int? {
        switch content {
        case .network(let derivation): return derivation.network.depth
        case .classKey(let sheets): return sheets.first?.derivation.network.depth
        case .graph: return nil
        }
    }

    /// The blocks in reading order, built one section at a time as they are iterated.
    /// - Parameter shows: Whether the format shows a picture; pictures it does not show are not laid out,
    ///   and a section made only of pictures is left out.
    package func blocks(showing shows: @escaping (PictureKind) -> Bool) -> HandoutBlocks {
        HandoutBuilder(handout: self, shows: shows).blocks
    }
}

/// The blocks of a handout, built section by section as they are iterated.
package struct HandoutBlocks: Sequence {
    /// The chunks of blocks, each a section or a closing part, made when reached.
    let chunks: AnySequence<[HandoutBlock]>

    package func makeIterator() -> Iterator {
        Iterator(chunks: chunks.makeIterator())
    }

    /// Iterates the blocks of one chunk at a time.
    package struct Iterator: IteratorProtocol {
        var chunks: AnyIterator<[HandoutBlock]>
        var current: [HandoutBlock] = []
        var index = 0

        package mutating func next() -> HandoutBlock? {
            while index == current.count {
                guard let chunk = chunks.next() else { return nil }
                current = chunk
                index = 0
            }
            defer { index += 1 }
            return current[index]
        }
    }
}
