/// A point of a diagram in centimetres, x to the right and y downwards, as a page is read.
package struct DiagramPoint: Sendable, Equatable {
    /// The distance from the left, in centimetres.
    package var x: Double
    /// The distance from the top, in centimetres.
    package var y: Double

    /// The point (`x`, `y`).
    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The point a fraction `t` of the way from `self` to `other`: self + t (other − self).
    package func interpolated(to other: DiagramPoint, _ t: Double) -> DiagramPoint {
        DiagramPoint(x: x + t * (other.x - x), y: y + t * (other.y - y))
    }

    /// The distance to `other`: √((x − x')² + (y − y')²).
    package func distance(to other: DiagramPoint) -> Double {
        ((other.x - x) * (other.x - x) + (other.y - y) * (other.y - y)).squareRoot()
    }

    /// The point `length` from `self` on the way to `other` (`self` itself when they coincide).
    package func moved(toward other: DiagramPoint, by length: Double) -> DiagramPoint {
        let distance = distance(to: other)
        guard distance > 0 else { return self }
        return interpolated(to: other, length / distance)
    }
}
