/// A text placed in a diagram: inside a node, on an edge, or free (a heading, a legend line).
package struct DiagramLabel: Sendable, Equatable {
    /// Which point of the text sits at ``position``.
    package enum Anchor: Sendable, Equatable {
        /// The middle of the text.
        case center
        /// The start of the text (its left end), for lines of a legend.
        case leading
    }

    /// The text.
    package var text: DiagramText
    /// Where the text sits: its vertical middle, and horizontally the point named by ``anchor``.
    package var position: DiagramPoint
    /// Which point of the text is at ``position``.
    package var anchor: Anchor
    /// Whether the text is set on a white ground, so it reads over the edges it crosses.
    package var isOpaque: Bool

    /// A level label of `text` at `position`.
    package init(_ text: DiagramText, at position: DiagramPoint, anchor: Anchor = .center, isOpaque: Bool = false) {
        self.text = text
        self.position = position
        self.anchor = anchor
        self.isOpaque = isOpaque
    }
}
