import Foundation

/// A rectangle turned by some angle, as a label set along a sloping edge covers: four corners in order.
/// Two quads overlap when no edge direction of either separates them (the separating axis theorem).
struct DiagramQuad {
    /// The corners, in order around the quad.
    let corners: [DiagramPoint]

    /// The quad covering `rect`.
    init(_ rect: DiagramRect) {
        corners = [DiagramPoint(x: rect.x, y: rect.y), DiagramPoint(x: rect.maxX, y: rect.y),
                   DiagramPoint(x: rect.maxX, y: rect.maxY), DiagramPoint(x: rect.x, y: rect.maxY)]
    }

    /// The rectangle `width` by `height` centred on `center`, turned clockwise by `degrees`.
    init(center: DiagramPoint, width: Double, height: Double, degrees: Double) {
        let radians = degrees * .pi / 180
        let (c, s) = (cos(radians), sin(radians))
        corners = [(-width / 2, -height / 2), (width / 2, -height / 2), (width / 2, height / 2), (-width / 2, height / 2)].map { x, y in
            DiagramPoint(x: center.x + x * c - y * s, y: center.y + x * s + y * c)
        }
    }

    /// The smallest upright rectangle holding the quad.
    var boundingRect: DiagramRect {
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let left = xs.min() ?? 0, top = ys.min() ?? 0
        return DiagramRect(x: left, y: top, width: (xs.max() ?? 0) - left, height: (ys.max() ?? 0) - top)
    }

    /// Whether the two quads overlap by more than touching.
    func intersects(_ other: DiagramQuad) -> Bool {
        for axis in axes + other.axes {
            let (a, b) = (projection(on: axis), other.projection(on: axis))
            if a.upperBound <= b.lowerBound || b.upperBound <= a.lowerBound { return false }
        }
        return true
    }

    /// The normals of two adjacent sides: for a rectangle, enough to separate.
    private var axes: [DiagramPoint] {
        (0..<2).map { index in
            let (p, q) = (corners[index], corners[(index + 1) % corners.count])
            return DiagramPoint(x: q.y - p.y, y: p.x - q.x)
        }
    }

    private func projection(on axis: DiagramPoint) -> ClosedRange<Double> {
        let values = corners.map { $0.x * axis.x + $0.y * axis.y }
        return (values.min() ?? 0)...(values.max() ?? 0)
    }
}
