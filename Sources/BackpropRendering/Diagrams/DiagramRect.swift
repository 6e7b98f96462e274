/// An axis-aligned rectangle of a diagram in centimetres, given by its top-left corner and its size.
package struct DiagramRect: Sendable, Equatable {
    /// The left edge.
    package var x: Double
    /// The top edge.
    package var y: Double
    /// The width.
    package var width: Double
    /// The height.
    package var height: Double

    /// The rectangle with top-left corner (`x`, `y`) and the given size.
    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The rectangle of the given size centred on `center`.
    package init(center: DiagramPoint, width: Double, height: Double) {
        self.init(x: center.x - width / 2, y: center.y - height / 2, width: width, height: height)
    }

    /// The right edge.
    package var maxX: Double { x + width }
    /// The bottom edge.
    package var maxY: Double { y + height }
    /// The centre.
    package var center: DiagramPoint { DiagramPoint(x: x + width / 2, y: y + height / 2) }

    /// The smallest rectangle containing both.
    package func union(_ other: DiagramRect) -> DiagramRect {
        let left = Swift.min(x, other.x), top = Swift.min(y, other.y)
        return DiagramRect(x: left, y: top, width: Swift.max(maxX, other.maxX) - left, height: Swift.max(maxY, other.maxY) - top)
    }

    /// The rectangle grown by `margin` on every side.
    package func expanded(by margin: Double) -> DiagramRect {
        DiagramRect(x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin)
    }
}
