import BackpropKit

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

    /// The author and the date that are given, in that order.
    public var byline: [String] { [author, date].filter { !$0.isEmpty } }
}
