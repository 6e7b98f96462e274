/// The elements of a diagram as a layout places them, with the room already taken, so labels can be
/// placed where they overlap nothing.
struct DiagramCanvas {
    /// The nodes, drawn above the edges.
    private(set) var nodes: [DiagramNode] = []
    /// The edges, drawn first.
    private(set) var edges: [DiagramEdge] = []
    /// The free texts: headings, legends, formulas.
    private(set) var labels: [DiagramLabel] = []
    /// The room taken by nodes and texts, which a new label must not overlap.
    private(set) var occupied: [DiagramQuad] = []

    /// The upright rectangles holding the nodes' texts, node by node, kept for ``bounds``.
    private var nodeLabelFrames: [DiagramRect] = []
    /// The upright rectangles holding the edges' labels, one per edge (`nil` for a bare edge).
    private var edgeLabelFrames: [DiagramRect?] = []
    /// The upright rectangles holding the free texts.
    private var labelFrames: [DiagramRect] = []

    /// The metrics texts are measured with.
    let metrics: DiagramMetrics

    /// An empty canvas measuring with `metrics`.
    init(metrics: DiagramMetrics) {
        self.metrics = metrics
    }

    /// Adds `node`; its frame and texts become occupied.
    mutating func add(_ node: DiagramNode) {
        nodes.append(node)
        occupied.append(DiagramQuad(node.frame))
        for label in node.labels {
            let outline = metrics.outline(of: label)
            occupied.append(outline)
            nodeLabelFrames.append(outline.boundingRect)
        }
    }

    /// Adds `edge`; its label becomes occupied.
    mutating func add(_ edge: DiagramEdge) {
        edges.append(edge)
        let outline = edge.label.map { metrics.outline(of: $0) }
        if let outline { occupied.append(outline) }
        edgeLabelFrames.append(outline?.boundingRect)
    }

    /// Adds a free `label`; it becomes occupied.
    mutating func add(_ label: DiagramLabel) {
        labels.append(label)
        let outline = metrics.outline(of: label)
        occupied.append(outline)
        labelFrames.append(outline.boundingRect)
    }

    /// Whether `label` would overlap nothing placed so far, with a little air around it.
    func isFree(_ label: DiagramLabel) -> Bool {
        let outline = metrics.outline(of: label, padding: 0.06)
        return !occupied.contains { $0.intersects(outline) }
    }

    /// The rectangle holding everything, with a margin.
    var bounds: DiagramRect {
        var rects = nodes.map(\.frame) + nodeLabelFrames + labelFrames
        for (edge, labelFrame) in zip(edges, edgeLabelFrames) {
            rects.append(DiagramRect(x: Swift.min(edge.start.x, edge.end.x), y: Swift.min(edge.start.y, edge.end.y),
                                     width: Swift.abs(edge.end.x - edge.start.x), height: Swift.abs(edge.end.y - edge.start.y)))
            if let labelFrame { rects.append(labelFrame) }
        }
        guard let first = rects.first else { return DiagramRect(x: 0, y: 0, width: 1, height: 1) }
        return rects.dropFirst().reduce(first) { $0.union($1) }.expanded(by: 0.2)
    }
}
