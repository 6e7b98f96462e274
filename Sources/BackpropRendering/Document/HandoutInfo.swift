import BackpropKit

/// What a handout says about itself: its title, author, date, and how its values were chosen.
package struct HandoutInfo: Sendable, Equatable {
    /// The title.
    package var title: String
    /// The author, possibly empty.
    package var author: String
    /// The date, possibly empty (so snapshots stay stable).
    package var date: String
    /// A sentence on where the values come from, e.g. the seed they are drawn with.
    package var provenance: String?
    /// The program and version that wrote the handout, such as `derive 0.7.0`; `nil` leaves it out (so
    /// snapshots stay stable across versions).
    package var generator: String?
    /// The command that regenerates the handout, set as code.
    package var command: String?

    /// A handout description.
    package init(title: String = "Backpropagation, step by step", author: String = "", date: String = "", provenance: String? = nil, command: String? = nil) {
        self.title = title
        self.author = author
        self.date = date
        self.provenance = provenance
        self.command = command
    }

    /// The author and the date that are given, in that order.
    package var byline: [String] { [author, date].filter { !$0.isEmpty } }
}
