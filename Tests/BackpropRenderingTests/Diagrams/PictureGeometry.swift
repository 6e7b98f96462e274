@testable import BackpropRendering
import Foundation

/// The checks every picture must pass to read right in print, each failure as a sentence: no two texts
/// overlap, no text lies on a line (but a label on a white ground on its own edge), no line passes through a
/// node, every text inside a box fits it, and the smallest text is at least 7 pt with the picture at 16 cm.
struct PictureGeometry {
    let diagram: NetworkDiagram
    let metrics: DiagramMetrics

    /// The width a page prints a picture at, at most: a 16 cm line.
    static let printWidth = 16.0
    /// The smallest text allowed on paper, in points.
    static let smallestPrintedPoints = 7.0
    /// How far two texts may reach into each other and still only touch, in centimetres.
    static let touching = 1e-4
    /// The width of a drawn line, in centimetres, as the writers draw it (1.2 px at 40 px a centimetre).
    static let strokeWidth = 0.03

    init(_ diagram: NetworkDiagram) {
        self.diagram = diagram
        metrics = DiagramMetrics(notation: diagram.notation, numbers: diagram.numbers)
    }

    /// A text placed, with what it belongs to.
    private struct PlacedText {
        let label: DiagramLabel
        let quad: DiagramQuad
        /// The node it belongs to, if any.
        let node: Int?
        /// The edge it belongs to, if any.
        let edge: Int?
        let what: String
    }

    private var texts: [PlacedText] {
        var texts: [PlacedText] = []
        for (index, node) in diagram.nodes.enumerated() {
            texts += node.labels.map { PlacedText(label: $0, quad: metrics.outline(of: $0, padding: -Self.touching), node: index, edge: nil, what: "text of \(node.id)") }
        }
        for (index, edge) in diagram.edges.enumerated() {
            texts += edge.labels.map { PlacedText(label: $0, quad: metrics.outline(of: $0, padding: -Self.touching), node: nil, edge: index, what: "label of \(edge.from) → \(edge.to)") }
        }
        texts += diagram.labels.enumerated().map { PlacedText(label: $1, quad: metrics.outline(of: $1, padding: -Self.touching), node: nil, edge: nil, what: "free text \($0)") }
        return texts
    }

    /// The segments of every edge's line, as thin rectangles the width of a stroke.
    private var strokes: [(edge: Int, quad: DiagramQuad, start: DiagramPoint, end: DiagramPoint)] {
        diagram.edges.enumerated().flatMap { index, edge in
            zip(edge.points, edge.points.dropFirst()).compactMap { start, end -> (Int, DiagramQuad, DiagramPoint, DiagramPoint)? in
                let length = start.distance(to: end)
                guard length > 1e-9 else { return nil }
                let angle = atan2(end.y - start.y, end.x - start.x) * 180 / .pi
                return (index, DiagramQuad(center: start.interpolated(to: end, 0.5), width: length, height: Self.strokeWidth, degrees: angle), start, end)
            }
        }
    }

    /// Every way the picture would mislead, as sentences; empty when it reads right.
    var problems: [String] {
        var problems: [String] = []
        let texts = texts
        // Texts apart from each other.
        for (index, first) in texts.enumerated() {
            for second in texts[(index + 1)...] where first.quad.intersects(second.quad) {
                problems.append("\(first.what) overlaps \(second.what)")
            }
        }
        // Texts off the lines, but a label on a white ground on its own edge.
        for stroke in strokes {
            for text in texts where !(text.edge == stroke.edge && text.label.isOpaque) && text.quad.intersects(stroke.quad) {
                problems.append("\(text.what) at \(text.quad.boundingRect) lies on the line of \(diagram.edges[stroke.edge].from) → \(diagram.edges[stroke.edge].to) from \(stroke.start) to \(stroke.end)")
            }
        }
        // Lines clear of the nodes they do not join.
        // A mark on a plotted line stands on its grid line on purpose; a shaded block is a ground the edges cross.
        let framed = diagram.nodes.enumerated().filter { [.solid, .dashed].contains($0.element.outline) && $0.element.role != .plotPoint }
        for stroke in strokes {
            let edge = diagram.edges[stroke.edge]
            for (_, node) in framed where node.id != edge.from && node.id != edge.to {
                if DiagramQuad(node.frame).intersects(stroke.quad) {
                    problems.append("the line of \(edge.from) → \(edge.to) passes through \(node.id)")
                }
            }
        }
        // Texts in a box fit it and the part they stand in; texts out of a box keep off its frame.
        for text in texts {
            let rect = text.quad.boundingRect
            for (index, node) in framed {
                let frame = node.frame
                let inside = frame.contains(text.label.position)
                if inside && text.node == index {
                    let parts = [frame.x] + node.dividers + [frame.maxX]
                    let part = zip(parts, parts.dropFirst()).first { $0.0 <= text.label.position.x && text.label.position.x <= $0.1 }
                    let (left, right) = part ?? (frame.x, frame.maxX)
                    if rect.x < left - 1e-9 || rect.maxX > right + 1e-9 || rect.y < frame.y - 1e-9 || rect.maxY > frame.maxY + 1e-9 {
                        problems.append("\(text.what) spills out of its box in \(node.id)")
                    }
                } else if DiagramQuad(frame).intersects(text.quad) {
                    problems.append("\(text.what) lies over the box of \(node.id)")
                }
            }
        }
        // Large enough on paper.
        let scale = Swift.min(1, Self.printWidth / diagram.bounds.width)
        let smallest = texts.map(\.label.text.pointSize).min() ?? 10
        if smallest * scale < Self.smallestPrintedPoints - 1e-9 {
            problems.append("the smallest text prints at \(smallest * scale) pt in a picture \(diagram.bounds.width) cm wide")
        }
        return problems
    }
}

private extension DiagramRect {
    func contains(_ point: DiagramPoint) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }
}
