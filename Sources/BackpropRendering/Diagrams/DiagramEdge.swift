/// An arrow between two nodes, drawn from ``start`` through its ``waypoints`` (corners rounded) to its head at
/// ``end``, with the texts that belong to it beside or on it.
package struct DiagramEdge: Sendable, Equatable {
    /// The ``DiagramNode/id`` of the node the line starts at.
    package let from: String
    /// The ``DiagramNode/id`` of the node the arrow points at.
    package let to: String
    /// The start, on the frame of `from`.
    package let start: DiagramPoint
    /// The points the line passes between its ends, where it bends around other nodes; none for a straight line.
    package let waypoints: [DiagramPoint]
    /// The end, on the frame of `to`.
    package let end: DiagramPoint
    /// The colour of the line.
    package let color: DiagramColor
    /// Whether the line is dashed, as context.
    package let isDashed: Bool
    /// The texts of the edge: a weight on a white ground on the line, or lines of text beside it.
    package let labels: [DiagramLabel]
    /// Whether the line ends in an arrowhead; a plotted line or an axis has none.
    package let hasArrow: Bool

    /// An edge with every property given.
    package init(from: String, to: String, start: DiagramPoint, waypoints: [DiagramPoint] = [], end: DiagramPoint, color: DiagramColor,
                isDashed: Bool = false, labels: [DiagramLabel] = [], hasArrow: Bool = true) {
        self.from = from
        self.to = to
        self.start = start
        self.waypoints = waypoints
        self.end = end
        self.color = color
        self.isDashed = isDashed
        self.labels = labels
        self.hasArrow = hasArrow
    }

    /// The radius of the rounded corners where a line bends, in centimetres.
    package static let cornerRadius = 0.3

    /// The first text of the edge, such as its weight.
    package var label: DiagramLabel? { labels.first }

    /// The points of the line in order: its start, its waypoints and its end.
    package var points: [DiagramPoint] { [start] + waypoints + [end] }
}

extension DiagramEdge {
    /// The edge with `label` on it.
    func labelled(_ label: DiagramLabel) -> DiagramEdge {
        DiagramEdge(from: from, to: to, start: start, waypoints: waypoints, end: end, color: color, isDashed: isDashed,
                    labels: labels + [label], hasArrow: hasArrow)
    }
}
