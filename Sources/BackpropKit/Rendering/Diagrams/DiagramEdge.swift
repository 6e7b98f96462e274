/// A straight line between two nodes, drawn from ``start`` to ``end`` with an optional arrowhead at the end
/// and an optional label on it.
public struct DiagramEdge: Sendable, Equatable {
    /// The ``DiagramNode/id`` of the node the line starts at.
    public let from: String
    /// The ``DiagramNode/id`` of the node the line ends at (where the arrowhead is).
    public let to: String
    /// The start, on the frame of `from`.
    public let start: DiagramPoint
    /// The end, on the frame of `to`.
    public let end: DiagramPoint
    /// The colour of the line.
    public let color: DiagramColor
    /// Whether the line is dashed, as context.
    public let isDashed: Bool
    /// Whether an arrowhead is drawn at ``end``.
    public let hasArrowhead: Bool
    /// The text on the line, such as the weight, on a white ground.
    public let label: DiagramLabel?

    /// An edge with every property given.
    public init(from: String, to: String, start: DiagramPoint, end: DiagramPoint, color: DiagramColor,
                isDashed: Bool = false, hasArrowhead: Bool = true, label: DiagramLabel? = nil) {
        self.from = from
        self.to = to
        self.start = start
        self.end = end
        self.color = color
        self.isDashed = isDashed
        self.hasArrowhead = hasArrowhead
        self.label = label
    }
}
