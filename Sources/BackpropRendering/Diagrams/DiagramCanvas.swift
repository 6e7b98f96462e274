import BackpropKit

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

    /// The rectangles holding the nodes' texts, node by node, kept for ``bounds``.
    private var nodeLabelFrames: [DiagramRect] = []
    /// The rectangles holding the edges' labels.
    private var edgeLabelFrames: [DiagramRect] = []
    /// The rectangles holding the free texts.
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

    /// Adds `node` as a ground behind the rest, such as a shaded block: it takes no room from labels, which may lie on it.
    mutating func addGround(_ node: DiagramNode) {
        nodes.append(node)
    }

    /// The lines of the edges, each segment as a rectangle the width of a stroke, which a new label must not cover.
    private(set) var strokes: [DiagramQuad] = []

    /// The width of a drawn line with a little air, in centimetres.
    static let strokeWidth = 0.05

    /// Adds `edge`; its labels and its line become occupied.
    mutating func add(_ edge: DiagramEdge) {
        edges.append(edge)
        strokes += Self.strokes(of: edge)
        for label in edge.labels {
            let outline = metrics.outline(of: label)
            occupied.append(outline)
            edgeLabelFrames.append(outline.boundingRect)
        }
    }

    /// Adds a free `label`; it becomes occupied.
    mutating func add(_ label: DiagramLabel) {
        labels.append(label)
        let outline = metrics.outline(of: label)
        occupied.append(outline)
        labelFrames.append(outline.boundingRect)
    }

    /// Writes `lines` under everything placed so far, from the left edge.
    mutating func addLegend(_ lines: [DiagramText]) {
        let bounds = bounds
        var y = bounds.maxY + 0.1
        for line in lines {
            let height = metrics.lineHeight(line)
            add(DiagramLabel(line, at: DiagramPoint(x: bounds.x + 0.2, y: y + height / 2), anchor: .leading))
            y += height
        }
    }

    /// Whether `label` would overlap nothing placed so far, with a little air around it, nor the lines of the
    /// edges placed and of `others`.
    func isFree(_ label: DiagramLabel, clearOf others: [DiagramQuad] = []) -> Bool {
        let outline = metrics.outline(of: label, padding: 0.06)
        return !occupied.contains { $0.intersects(outline) } && !strokes.contains { $0.intersects(outline) }
            && !others.contains { $0.intersects(outline) }
    }

    /// The segments of the line of `edge`, each as a rectangle ``strokeWidth`` wide.
    static func strokes(of edge: DiagramEdge) -> [DiagramQuad] {
        zip(edge.points, edge.points.dropFirst()).compactMap { start, end in
            let length = start.distance(to: end)
            guard length > 1e-9 else { return nil }
            let degrees = CMath.atan2(end.y - start.y, end.x - start.x) * 180 / .pi
            return DiagramQuad(center: start.interpolated(to: end, 0.5), width: length, height: strokeWidth, degrees: degrees)
        }
    }

    /// The rectangle holding everything, with a margin.
    var bounds: DiagramRect {
        var rects = nodes.map(\.frame) + nodeLabelFrames + labelFrames + edgeLabelFrames
        for edge in edges {
            let xs = edge.points.map(\.x), ys = edge.points.map(\.y)
            let (left, top) = (xs.min() ?? 0, ys.min() ?? 0)
            rects.append(DiagramRect(x: left, y: top, width: (xs.max() ?? 0) - left, height: (ys.max() ?? 0) - top))
        }
        guard let first = rects.first else { return DiagramRect(x: 0, y: 0, width: 1, height: 1) }
        return rects.dropFirst().reduce(first) { $0.union($1) }.expanded(by: 0.2)
    }
}
