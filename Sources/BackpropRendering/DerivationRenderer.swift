import BackpropKit

/// Writes a ``Derivation`` in one output format, streaming it section by section.
public protocol DerivationRenderer {
    /// Writes the whole document for `derivation` to `output`.
    func render(_ derivation: Derivation, to output: inout some TextOutputStream)
}

/// A renderer that can also write the combined answer key of several exercise sheets.
public protocol AnswerKeyRenderer: DerivationRenderer {
    /// Writes one document with the answers of every sheet, each under its title.
    func renderAnswerKey(_ sheets: [(title: String, derivation: Derivation)], to output: inout some TextOutputStream)
}

/// What a handout says about itself: its title, author, date, and how its values were chosen.
public struct HandoutInfo: Sendable, Equatable {
    /// The title.
    public var title: String
    /// The author, possibly empty.
    public var author: String
    /// The date, possibly empty (so snapshots stay stable).
    public var date: String
    /// A sentence on where the values come from, e.g. the seed they are drawn with.
    public var provenance: String?
    /// The command that regenerates the handout, set as code.
    public var command: String?

    /// A handout description.
    public init(title: String = "Backpropagation, step by step", author: String = "", date: String = "", provenance: String? = nil, command: String? = nil) {
        self.title = title
        self.author = author
        self.date = date
        self.provenance = provenance
        self.command = command
    }
}
