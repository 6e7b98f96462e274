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
}
