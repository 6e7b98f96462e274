import BackpropKit

/// One file of a handout, ready to write: its path and what goes in it.
///
/// The factory methods give every file a request makes, so a caller writes them and decides nothing:
/// a network derivation in Markdown brings the SVG pictures it links to, a class set its sheets and key.
package struct HandoutFile {
    /// Where the file goes; for standard output, the path it would have.
    package let path: String
    private let content: Content

    private enum Content {
        case handout(Handout, Formatter)
        case svg(NetworkDiagram)
        case json(Derivation, JSONRenderer)
        case graphJSON(GraphDerivation, generator: String?)
        case dot(GraphDerivation, NumberFormat)
    }

    private enum Formatter {
        case latex(LaTeXFormatter)
        case markdown(MarkdownFormatter)
        case text(TextFormatter)
        case html(HTMLFormatter)
    }

    /// Writes the file's content to `output`.
    package func write(to output: inout some TextOutputStream) {
        switch content {
        case .handout(let handout, .latex(var formatter)): formatter.format(handout, to: &output)
        case .handout(let handout, .markdown(var formatter)): formatter.format(handout, to: &output)
        case .handout(let handout, .text(var formatter)): formatter.format(handout, to: &output)
        case .handout(let handout, .html(var formatter)): formatter.format(handout, to: &output)
        case .svg(let diagram): SVGDiagramWriter().write(diagram, to: &output)
        case .json(let derivation, let renderer): renderer.render(derivation, to: &output)
        case .graphJSON(let derivation, let generator): GraphJSONRenderer(generator: generator).render(derivation, to: &output)
        case .dot(let derivation, let numbers): DotRenderer(numbers: numbers).render(derivation, to: &output)
        }
    }

    /// The same file, telling `observer` each section of a network derivation, and the network's depth, as it
    /// is written.
    package func observingSections(_ observer: @escaping (Section.Kind, _ depth: Int) -> Void) -> HandoutFile {
        guard case .handout(var handout, let formatter) = content else { return self }
        handout.sectionObserver = observer
        return HandoutFile(path: path, content: .handout(handout, formatter))
    }

    // MARK: - Requests

    /// What every handout of a request shares: its format, naming, numbers, title block and template.
    package struct Style {
        /// The format written.
        package var format: OutputFormat
        /// How symbols are named.
        package var notation: any Notation
        /// How numbers are written.
        package var numbers: NumberFormat
        /// The title block and where the values come from.
        package var info: HandoutInfo
        /// The user's template, or `nil` for the shipped one.
        package var template: Template?
        /// The shape of a network's JSON: the numbers alone, or with the steps.
        package var jsonShape: JSONRenderer.Shape

        /// A style.
        package init(format: OutputFormat, notation: any Notation, numbers: NumberFormat = .roundTrip, info: HandoutInfo = HandoutInfo(),
                    template: Template? = nil, jsonShape: JSONRenderer.Shape = .numbers) {
            self.format = format
            self.notation = notation
            self.numbers = numbers
            self.info = info
            self.template = template
            self.jsonShape = jsonShape
        }
    }

    /// The files of a network derivation (or exercise sheet) at `path`: the handout, and for Markdown the SVG
    /// pictures it links to, written beside it as `name-network.svg`, ... when `drawsPictures`.
    /// - Throws: ``HandoutFile/Unsupported`` for the graph-only format dot.
    package static func network(_ derivation: Derivation, style: Style, path: String, drawsPictures: Bool) throws(Unsupported) -> [HandoutFile] {
        let handout = Handout(.network(derivation), info: style.info, notation: style.notation, numbers: style.numbers)
        guard style.format == .markdown, drawsPictures else {
            return [try document(handout, style: style, path: path, json: .json(derivation, JSONRenderer(shape: style.jsonShape, notation: style.notation, generator: style.info.generator)))]
        }
        let pictures = HandoutBuilder.diagramKinds(of: derivation).map { kind in (kind, pictureFile(named: kind.rawValue, beside: path)) }
        var options = MarkdownFormatter.Options(template: style.template ?? .markdownHandout)
        for (kind, file) in pictures { options.pictureFiles[.diagram(kind)] = file.name }
        var files = [HandoutFile(path: path, content: .handout(handout, .markdown(MarkdownFormatter(options: options))))]
        for (kind, file) in pictures.sorted(by: { $0.1.path < $1.1.path }) {
            files.append(HandoutFile(path: file.path, content: .svg(NetworkDiagram(derivation: derivation, notation: style.notation, kind: kind))))
        }
        return files
    }

    /// The answer key of the exercise sheet of `derivation`, at `path`: every blank of the sheet filled in,
    /// under the heading `heading`. The sheet itself never carries its answers.
    package static func answerKey(_ derivation: Derivation, heading: String, style: Style, path: String) throws(Unsupported) -> HandoutFile {
        let key = Handout(.classKey([(heading, derivation)]), info: style.info, notation: style.notation, numbers: style.numbers)
        return try document(key, style: style, path: path, json: nil)
    }

    /// The path of the answer key written beside the exercise sheet at `path`: `sheet-key.tex` for `sheet.tex`.
    package static func keyPath(beside path: String, format: OutputFormat) -> String {
        let suffix = "." + format.fileExtension
        let stem = path.hasSuffix(suffix) && path.count > suffix.count ? String(path.dropLast(suffix.count)) : path
        return stem + "-key" + suffix
    }

    /// The files of a class set in `folder`: one exercise sheet per derivation, `sheet-1`, ..., numbered with
    /// as many digits as the largest number, and `key` with every sheet's answers.
    package static func classSet(_ sheets: [Sheet], style: Style, folder: String) throws(Unsupported) -> [HandoutFile] {
        let digits = String(sheets.count).count
        var files: [HandoutFile] = []
        for (index, sheet) in sheets.enumerated() {
            let number = String(index + 1)
            let path = folder + "/sheet-" + String(repeating: "0", count: digits - number.count) + number + "." + style.format.fileExtension
            var sheetStyle = style
            sheetStyle.info = sheet.info
            files += try network(sheet.derivation, style: sheetStyle, path: path, drawsPictures: true)
        }
        guard style.format != .json else { return files }
        let key = Handout(.classKey(sheets.map { ($0.keyHeading, $0.derivation) }), info: style.info, notation: style.notation, numbers: style.numbers)
        files.append(try document(key, style: style, path: folder + "/key." + style.format.fileExtension, json: nil))
        return files
    }

    /// One exercise sheet of a class set.
    package struct Sheet {
        /// The sheet's title block.
        package var info: HandoutInfo
        /// The heading of the sheet's answers in the key.
        package var keyHeading: String
        /// The derivation with its blanks.
        package var derivation: Derivation

        /// A sheet.
        package init(info: HandoutInfo, keyHeading: String, derivation: Derivation) {
            self.info = info
            self.keyHeading = keyHeading
            self.derivation = derivation
        }
    }

    /// The files of a graph derivation at `path`: the handout, and for Markdown the SVG picture of the graph it
    /// links to, written beside it as `name-graph.svg`, when `drawsPictures` and the graph is small enough to draw.
    package static func graph(_ derivation: GraphDerivation, style: Style, path: String, drawsPictures: Bool) throws(Unsupported) -> [HandoutFile] {
        let handout = Handout(.graph(derivation), info: style.info, notation: style.notation, numbers: style.numbers)
        if style.format == .dot { return [HandoutFile(path: path, content: .dot(derivation, style.numbers))] }
        guard style.format == .markdown, drawsPictures,
              let diagram = GraphPicture(derivation: derivation, notation: style.notation, numbers: style.numbers).diagram else {
            return [try document(handout, style: style, path: path, json: .graphJSON(derivation, generator: style.info.generator))]
        }
        let file = pictureFile(named: "graph", beside: path)
        var options = MarkdownFormatter.Options(template: style.template ?? .markdownHandout)
        options.pictureFiles[.graph] = file.name
        return [HandoutFile(path: path, content: .handout(handout, .markdown(MarkdownFormatter(options: options)))),
                HandoutFile(path: file.path, content: .svg(diagram))]
    }

    /// The format a handout cannot be written in.
    package struct Unsupported: Error, Equatable {
        /// The format.
        package let format: OutputFormat
    }

    private static func document(_ handout: Handout, style: Style, path: String, json: Content?) throws(Unsupported) -> HandoutFile {
        switch style.format {
        case .latex:
            return HandoutFile(path: path, content: .handout(handout, .latex(LaTeXFormatter(options: .init(template: style.template ?? .latexHandout)))))
        case .markdown:
            return HandoutFile(path: path, content: .handout(handout, .markdown(MarkdownFormatter(options: .init(template: style.template ?? .markdownHandout)))))
        case .text:
            return HandoutFile(path: path, content: .handout(handout, .text(TextFormatter())))
        case .html:
            return HandoutFile(path: path, content: .handout(handout, .html(HTMLFormatter(options: .init(template: style.template ?? .htmlHandout)))))
        case .json:
            guard let json else { throw Unsupported(format: .json) }
            return HandoutFile(path: path, content: json)
        case .dot:
            throw Unsupported(format: .dot)
        }
    }

    /// The SVG file of the picture called `picture` beside the Markdown file `path`: `name-network.svg`, ... for `name.md`.
    private static func pictureFile(named picture: String, beside path: String) -> (name: String, path: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        var base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if base.hasSuffix(".md") { base.removeLast(3) }
        let name = base + "-" + picture + ".svg"
        return (name, folder + name)
    }
}
