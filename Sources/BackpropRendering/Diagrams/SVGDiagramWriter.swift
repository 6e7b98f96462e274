/// Writes a ``NetworkDiagram`` as a standalone SVG document: UTF-8, no external resources, texts in Unicode with
/// sub- and superscripts as lowered and raised `<tspan>`s,
/// arrowheads as markers, colours as the hexadecimal codes of their exact shades (the TikZ writer writes the same).
package struct SVGDiagramWriter: Sendable {
    /// How the document is drawn.
    package struct Options: Sendable, Equatable {
        /// The size of one centimetre of the diagram in SVG pixels.
        package var pixelsPerCentimetre: Double
        /// The CSS font family of the texts.
        package var fontFamily: String

        /// 40 pixels a centimetre, in a serif face like the LaTeX handout's.
        package static let `default` = Options(
            pixelsPerCentimetre: 40,
            fontFamily: "'Latin Modern Roman', 'CMU Serif', 'STIX Two Text', 'Cambria', 'Times New Roman', 'DejaVu Serif', serif")

        /// Options for drawing the document.
        package init(pixelsPerCentimetre: Double, fontFamily: String) {
            self.pixelsPerCentimetre = pixelsPerCentimetre
            self.fontFamily = fontFamily
        }
    }

    /// The options.
    package let options: Options

    /// A writer with `options`.
    package init(options: Options = .default) {
        self.options = options
    }

    /// Writes `diagram` as a complete SVG document.
    package func write(_ diagram: NetworkDiagram, to output: inout some TextOutputStream) {
        let printer = DiagramTextPrinter(SVGMath(), notation: diagram.notation, numbers: diagram.numbers)
        let metrics = DiagramMetrics(notation: diagram.notation, numbers: diagram.numbers)
        let canvas = Canvas(bounds: diagram.bounds, scale: options.pixelsPerCentimetre)
        let width = canvas.length(diagram.bounds.width), height = canvas.length(diagram.bounds.height)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\"")
        output.write(" font-family=\"\(options.fontFamily.xmlEscaped)\" xml:space=\"preserve\" role=\"img\">\n")
        output.write("<title>\(caption(of: diagram).xmlEscaped)</title>\n")
        let arrowColors = Self.unique(diagram.edges.filter(\.hasArrow).map(\.color))
        if !arrowColors.isEmpty {
            output.write("<defs>\n")
            for color in arrowColors {
                output.write("<marker id=\"\(Self.markerID(color))\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">")
                output.write("<path d=\"M0,1 L10,5 L0,9 L2.5,5 z\" fill=\"\(Self.color(color))\"/></marker>\n")
            }
            output.write("</defs>\n")
        }
        output.write("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>\n")
        for node in diagram.nodes where node.outline == .shaded {
            let frame = canvas.rect(node.frame)
            output.write("<rect x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"6\"")
            output.write(" fill=\"\(Self.color(.ground))\"/>\n")
        }
        output.write("<g stroke-width=\"1.2\" stroke-linecap=\"round\">\n")
        for edge in diagram.edges {
            if edge.waypoints.isEmpty {
                let start = canvas.point(edge.start), end = canvas.point(edge.end)
                output.write("<line x1=\"\(start.x)\" y1=\"\(start.y)\" x2=\"\(end.x)\" y2=\"\(end.y)\"")
            } else {
                output.write("<path d=\"\(canvas.roundedPath(edge.points))\" fill=\"none\"")
            }
            output.write(" stroke=\"\(Self.color(edge.color))\"")
            if edge.isDashed { output.write(" stroke-dasharray=\"5 4\"") }
            output.write(edge.hasArrow ? " marker-end=\"url(#\(Self.markerID(edge.color)))\"/>\n" : "/>\n")
        }
        output.write("</g>\n")
        for label in diagram.edges.flatMap(\.labels) {
            write(label, printer, metrics, canvas, to: &output)
        }
        for node in diagram.nodes {
            if node.outline == .solid || node.outline == .dashed {
                let frame = canvas.rect(node.frame)
                output.write("<rect x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"3\"")
                output.write(" fill=\"white\" stroke=\"\(Self.color(node.outlineColor))\" stroke-width=\"1.4\"")
                if node.outline == .dashed { output.write(" stroke-dasharray=\"5 4\"") }
                output.write("/>\n")
                for x in node.dividers {
                    let top = canvas.point(DiagramPoint(x: x, y: node.frame.y)), bottom = canvas.point(DiagramPoint(x: x, y: node.frame.maxY))
                    output.write("<line x1=\"\(top.x)\" y1=\"\(top.y)\" x2=\"\(bottom.x)\" y2=\"\(bottom.y)\" stroke=\"\(Self.color(node.outlineColor))\" stroke-width=\"0.9\"/>\n")
                }
            }
            for label in node.labels {
                write(label, printer, metrics, canvas, to: &output)
            }
        }
        for label in diagram.labels {
            write(label, printer, metrics, canvas, to: &output)
        }
        output.write("</svg>\n")
    }

    /// The title of `diagram` as Unicode text, e.g. for a Markdown image's alternative text.
    package func caption(of diagram: NetworkDiagram) -> String {
        DiagramTextPrinter(UnicodeMath(), notation: diagram.notation, numbers: diagram.numbers).string(diagram.title)
    }

    // MARK: - Texts, colours and coordinates

    private func write(_ label: DiagramLabel, _ printer: DiagramTextPrinter<SVGMath>, _ metrics: DiagramMetrics, _ canvas: Canvas,
                       to output: inout some TextOutputStream) {
        let position = canvas.point(label.position)
        if label.isOpaque {
            // A white ground the size the layout reserved, so the edges it sits on stop at the text.
            let points = metrics.outline(of: label, padding: 0.03).corners.map { corner -> String in
                let point = canvas.point(corner)
                return point.x + "," + point.y
            }
            output.write("<polygon points=\"\(points.joined(separator: " "))\" fill=\"white\"/>\n")
        }
        let anchor: String
        switch label.anchor {
        case .center: anchor = "middle"
        case .leading: anchor = "start"
        }
        let size = label.text.pointSize * DiagramMetrics.centimetresPerPoint * options.pixelsPerCentimetre
        output.write("<text x=\"\(position.x)\" y=\"\(position.y)\" dy=\"0.35em\" text-anchor=\"\(anchor)\"")
        output.write(" font-size=\"\(DiagramCoordinate.string(size))\" fill=\"\(Self.color(label.text.color))\"")
        output.write(">")
        // Sub- and superscripts as smaller lowered or raised text, shifted by dy, which every renderer follows.
        var offset = 0.0
        for run in ScriptRun.runs(of: printer.string(label.text)) {
            let target = run.offset * size
            if run.scripts.isEmpty && offset == 0 {
                output.write(run.text.xmlEscaped)
                continue
            }
            output.write("<tspan dy=\"\(DiagramCoordinate.string(target - offset))\"")
            if !run.scripts.isEmpty { output.write(" font-size=\"\(DiagramCoordinate.string(run.scale * size))\"") }
            output.write(">\(run.text.xmlEscaped)</tspan>")
            offset = target
        }
        output.write("</text>\n")
    }

    /// `color` in CSS: `black`, or `#rrggbb`.
    private static func color(_ color: DiagramColor) -> String {
        color == .ink ? "black" : "#" + hexCode(color)
    }

    /// The six hexadecimal digits of `color`, e.g. `003cdc`.
    private static func hexCode(_ color: DiagramColor) -> String {
        let (red, green, blue) = color.components
        let digits = Array("0123456789abcdef")
        return [red, green, blue].map { String([digits[$0 / 16], digits[$0 % 16]]) }.joined()
    }

    /// The id of the arrowhead marker of `color`, such as `arrow-003cdc`.
    private static func markerID(_ color: DiagramColor) -> String { "arrow-" + hexCode(color) }

    /// `colors` without repeats, in their order.
    private static func unique(_ colors: [DiagramColor]) -> [DiagramColor] {
        var seen: Set<DiagramColor> = []
        return colors.filter { seen.insert($0).inserted }
    }

    /// Diagram centimetres to SVG pixels, with the diagram's bounds at the origin.
    private struct Canvas {
        let bounds: DiagramRect
        let scale: Double

        func length(_ centimetres: Double) -> String { DiagramCoordinate.string(centimetres * scale) }

        func point(_ point: DiagramPoint) -> (x: String, y: String) {
            (length(point.x - bounds.x), length(point.y - bounds.y))
        }

        /// The path through `points` with its corners rounded by quadratic curves, as TikZ's `rounded corners` draws them.
        func roundedPath(_ points: [DiagramPoint]) -> String {
            guard let first = points.first else { return "" }
            var path = "M" + coordinates(first)
            for index in points.indices.dropFirst().dropLast() {
                let (before, corner, after) = (points[index - 1], points[index], points[index + 1])
                let radius = Swift.min(DiagramEdge.cornerRadius, before.distance(to: corner) / 2, corner.distance(to: after) / 2)
                path += " L" + coordinates(corner.moved(toward: before, by: radius))
                path += " Q" + coordinates(corner) + " " + coordinates(corner.moved(toward: after, by: radius))
            }
            return path + " L" + coordinates(points[points.count - 1])
        }

        private func coordinates(_ point: DiagramPoint) -> String {
            let (x, y) = self.point(point)
            return x + "," + y
        }

        func rect(_ rect: DiagramRect) -> (x: String, y: String, width: String, height: String) {
            let origin = point(DiagramPoint(x: rect.x, y: rect.y))
            return (origin.x, origin.y, length(rect.width), length(rect.height))
        }
    }
}
