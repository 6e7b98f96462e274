import BackpropKit

/// A rectangle turned by some angle, as a segment of a sloping line covers: four corners in order.
/// Two quads overlap when no edge direction of either separates them (the separating axis theorem).
///
/// The corners are stored as four values and the upright box around them once, so the overlap test, which
/// a layout runs for every place it tries for every label, allocates nothing and mostly stops at the boxes.
struct DiagramQuad {
    private let corner0, corner1, corner2, corner3: DiagramPoint
    /// The upright box holding the corners: left, top, right and bottom.
    private let minX, minY, maxX, maxY: Double

    /// How far apart two boxes must be for the test to skip the sides: far more than the rounding of the exact
    /// test, so a pair it skips is one the sides would have separated too.
    private static let clearance = 1e-9

    /// The quad with the four corners given in order around it.
    private init(_ corner0: DiagramPoint, _ corner1: DiagramPoint, _ corner2: DiagramPoint, _ corner3: DiagramPoint) {
        (self.corner0, self.corner1, self.corner2, self.corner3) = (corner0, corner1, corner2, corner3)
        // In the order Sequence.min() and max() compare, so a zero keeps its sign as it did.
        minX = Self.least(corner0.x, corner1.x, corner2.x, corner3.x)
        minY = Self.least(corner0.y, corner1.y, corner2.y, corner3.y)
        maxX = Self.greatest(corner0.x, corner1.x, corner2.x, corner3.x)
        maxY = Self.greatest(corner0.y, corner1.y, corner2.y, corner3.y)
    }

    /// The quad covering `rect`.
    init(_ rect: DiagramRect) {
        self.init(DiagramPoint(x: rect.x, y: rect.y), DiagramPoint(x: rect.maxX, y: rect.y),
                  DiagramPoint(x: rect.maxX, y: rect.maxY), DiagramPoint(x: rect.x, y: rect.maxY))
    }

    /// The rectangle `width` by `height` centred on `center`, turned clockwise by `degrees`.
    init(center: DiagramPoint, width: Double, height: Double, degrees: Double) {
        let radians = degrees * .pi / 180
        let (c, s) = (CMath.cos(radians), CMath.sin(radians))
        func corner(_ x: Double, _ y: Double) -> DiagramPoint {
            DiagramPoint(x: center.x + x * c - y * s, y: center.y + x * s + y * c)
        }
        self.init(corner(-width / 2, -height / 2), corner(width / 2, -height / 2), corner(width / 2, height / 2), corner(-width / 2, height / 2))
    }

    /// The corners, in order around the quad.
    var corners: [DiagramPoint] { [corner0, corner1, corner2, corner3] }

    /// The smallest upright rectangle holding the quad.
    var boundingRect: DiagramRect {
        DiagramRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// Whether the two quads overlap by more than touching.
    func intersects(_ other: DiagramQuad) -> Bool {
        // Boxes clearly apart: some side of either quad separates them too.
        if maxX + Self.clearance < other.minX || other.maxX + Self.clearance < minX
            || maxY + Self.clearance < other.minY || other.maxY + Self.clearance < minY { return false }
        return !separates(axis(corner0, corner1), other) && !separates(axis(corner1, corner2), other)
            && !separates(other.axis(other.corner0, other.corner1), other) && !separates(other.axis(other.corner1, other.corner2), other)
    }

    /// The normal of the side from `p` to `q`: for a rectangle, two adjacent sides' are enough to separate.
    private func axis(_ p: DiagramPoint, _ q: DiagramPoint) -> DiagramPoint {
        DiagramPoint(x: q.y - p.y, y: p.x - q.x)
    }

    /// Whether the projections of the two quads on `axis` meet at most at an end.
    private func separates(_ axis: DiagramPoint, _ other: DiagramQuad) -> Bool {
        let (a, b) = (projection(on: axis), other.projection(on: axis))
        return a.upper <= b.lower || b.upper <= a.lower
    }

    private func projection(on axis: DiagramPoint) -> (lower: Double, upper: Double) {
        func dot(_ point: DiagramPoint) -> Double { point.x * axis.x + point.y * axis.y }
        let values = (dot(corner0), dot(corner1), dot(corner2), dot(corner3))
        return (Self.least(values.0, values.1, values.2, values.3), Self.greatest(values.0, values.1, values.2, values.3))
    }

    /// The least of four values, the first of equals as `Sequence.min()` keeps.
    private static func least(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        var result = a
        if b < result { result = b }
        if c < result { result = c }
        if d < result { result = d }
        return result
    }

    /// The greatest of four values, the first of equals as `Sequence.max()` keeps.
    private static func greatest(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        var result = a
        if result < b { result = b }
        if result < c { result = c }
        if result < d { result = d }
        return result
    }
}
