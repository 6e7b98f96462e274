/// A straight arrow between two nodes, drawn from ``start`` to its head at ``end``, with an optional label on it.
package struct DiagramEdge: Sendable, Equatable {
    /// The ``DiagramNode/id`` of the node the line starts at.
    package let from: String
    /// The ``DiagramNode/id`` of the node the arrow points at.
    package let to: String
    /// The start, on the frame of `from`.
    package let start: DiagramPoint
    /// The end, on the frame of `to`.
    package let end: DiagramPoint
    /// The colour of the line.
    package let color: DiagramColor
    /// Whether the line is dashed, as context.
    package let isDashed: Bool
    /// The text on the line, such as the weight, on a white ground.
    package let label: DiagramLabel?
    /// Whether the line ends in an arrowhead; a plotted line or an axis has none.
    package let hasArrow: Bool

    /// An edge with every property given.
    package init(from: String, to: String, start: DiagramPoint, end: DiagramPoint, color: DiagramColor,
                isDashed: Bool = false, label: DiagramLabel? = nil, hasArrow: Bool = true) {
        self.from = from
        self.to = to
        self.start = start
        self.end = end
        self.color = color
        self.isDashed = isDashed
        self.label = label
        self.hasArrow = hasArrow
    }
}

extension DiagramEdge {
    /// The edge with `label` on it.
    func labelled(_ label: DiagramLabel) -> DiagramEdge {
        DiagramEdge(from: from, to: to, start: start, end: end, color: color, isDashed: isDashed, label: label, hasArrow: hasArrow)
    }
}
