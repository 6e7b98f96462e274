/// Writes a ``NetworkDiagram`` as a TikZ `tikzpicture` for a LaTeX handout.
///
/// The picture needs `\usepackage{tikz}` (no TikZ libraries) and the handout's `amsmath` and `xcolor`;
/// colours are written by their red, green and blue parts, the shades the SVG writer writes. By default it is scaled down to the line width when
/// it is wider, never up.
package struct TikZDiagramWriter: Sendable {
    /// Whether a picture wider than the line is scaled down to `\linewidth`.
    package var fitsLineWidth: Bool

    /// A writer that scales a picture wider than the line down to it when `fitsLineWidth`.
    package init(fitsLineWidth: Bool = true) {
        self.fitsLineWidth = fitsLineWidth
    }

    /// Writes `diagram` as a `tikzpicture`, inside a `\resizebox` when it fits the line width.
    package func write(_ diagram: NetworkDiagram, to output: inout some TextOutputStream) {
        let printer = DiagramTextPrinter(LaTeXMath(), notation: diagram.notation, numbers: diagram.numbers)
        if fitsLineWidth { output.write("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n") }
        output.write("\\begin{tikzpicture}[x=1cm, y=-1cm, >=stealth, line cap=round, line join=round]\n")
        for node in diagram.nodes where node.outline == .shaded {
            let corner = DiagramPoint(x: node.frame.maxX, y: node.frame.maxY)
            output.write("\\fill[color=\(Self.color(.ground)), rounded corners=4pt] \(Self.point(DiagramPoint(x: node.frame.x, y: node.frame.y))) rectangle \(Self.point(corner));\n")
        }
        for edge in diagram.edges {
            var style = edge.hasArrow ? ["->", "color=" + Self.color(edge.color), "line width=0.6pt"] : ["color=" + Self.color(edge.color), "line width=0.6pt"]
            if edge.isDashed { style.append("dashed") }
            if !edge.waypoints.isEmpty { style.append("rounded corners=" + DiagramCoordinate.string(DiagramEdge.cornerRadius) + "cm") }
            output.write("\\draw[\(style.joined(separator: ", "))] \(edge.points.map(Self.point).joined(separator: " -- "));\n")
        }
        for label in diagram.edges.flatMap(\.labels) {
            write(label, printer, to: &output)
        }
        for node in diagram.nodes {
            if node.outline == .solid || node.outline == .dashed {
                var style = ["fill=white", "draw=" + Self.color(node.outlineColor), "line width=0.8pt", "rounded corners=2pt"]
                if node.outline == .dashed { style.append("dashed") }
                let corner = DiagramPoint(x: node.frame.maxX, y: node.frame.maxY)
                output.write("\\filldraw[\(style.joined(separator: ", "))] \(Self.point(DiagramPoint(x: node.frame.x, y: node.frame.y))) rectangle \(Self.point(corner));\n")
                for x in node.dividers {
                    output.write("\\draw[color=\(Self.color(node.outlineColor)), line width=0.5pt] \(Self.point(DiagramPoint(x: x, y: node.frame.y))) -- \(Self.point(DiagramPoint(x: x, y: node.frame.maxY)));\n")
                }
            }
            for label in node.labels {
                write(label, printer, to: &output)
            }
        }
        for label in diagram.labels {
            write(label, printer, to: &output)
        }
        output.write("\\end{tikzpicture}")
        output.write(fitsLineWidth ? "%\n}\n" : "\n")
    }

    /// The title of `diagram` as LaTeX text, words escaped and symbols in `$...$`, e.g. for a heading or a caption.
    package func caption(of diagram: NetworkDiagram) -> String {
        let printer = DiagramTextPrinter(LaTeXMath(), notation: diagram.notation, numbers: diagram.numbers)
        var text = ""
        var math: [DiagramText.Piece] = []
        func flush() {
            guard !math.isEmpty else { return }
            text += "$" + printer.string(DiagramText(math, style: diagram.title.style)) + "$"
            math = []
        }
        for piece in diagram.title.pieces {
            if case .words(let words) = piece {
                flush()
                text += words.latexEscaped
            } else {
                math.append(piece)
            }
        }
        flush()
        return text
    }

    // MARK: - Texts and coordinates

    private func write(_ label: DiagramLabel, _ printer: DiagramTextPrinter<LaTeXMath>, to output: inout some TextOutputStream) {
        // The options in one string, without an array to join: a picture writes a line per text.
        var line = "\\node["
        switch label.anchor {
        case .center: break
        case .leading: line += "anchor=west, "
        }
        line += "inner sep=1pt, font=" + Self.font(label.text.style) + ", text=" + Self.color(label.text.color)
        if label.isOpaque { line += ", fill=white" }
        line += "] at " + Self.point(label.position) + " {$" + printer.string(label.text) + "$};\n"
        output.write(line)
    }

    private static func font(_ style: DiagramText.Style) -> String {
        switch style {
        case .name: return "\\small"
        case .value, .note: return "\\footnotesize"
        }
    }

    /// `color` for xcolor: `black`, `black!50`, or `{rgb,255:red,R;green,G;blue,B}`.
    private static func color(_ color: DiagramColor) -> String {
        switch color {
        case .ink: return "black"
        case .muted: return "black!50"
        case .rgb:
            let (red, green, blue) = color.components
            return "{rgb,255:red,\(red);green,\(green);blue,\(blue)}"
        }
    }

    private static func point(_ point: DiagramPoint) -> String {
        "(\(DiagramCoordinate.string(point.x)),\(DiagramCoordinate.string(point.y)))"
    }
}
