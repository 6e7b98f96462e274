/// A document skeleton with named placeholders `{{name}}`; `{{body}}` marks where the derivation goes.
public struct Template: Sendable, Equatable {
    /// A piece of a template.
    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    let segments: [Segment]

    /// The template in `text`.
    public init(text: String) {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else {
                let next = rest.index(after: open.lowerBound)
                segments.append(.literal(String(rest[..<next])))
                rest = rest[next...]
                continue
            }
            segments.append(.literal(String(rest[..<open.lowerBound])))
            segments.append(.placeholder(String(name)))
            rest = rest[close.upperBound...]
        }
        segments.append(.literal(String(rest)))
        self.segments = segments.reduce(into: []) { merged, segment in
            if case .literal(let text) = segment, case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + text)
            } else if segment != .literal("") {
                merged.append(segment)
            }
        }
    }

    /// The LaTeX handout skeleton shipped in `templates/handout.tex`.
    public static let latexHandout = Template(text: EmbeddedTemplates.handoutTeX)
    /// The Markdown handout skeleton shipped in `templates/handout.md`.
    public static let markdownHandout = Template(text: EmbeddedTemplates.handoutMarkdown)

    /// The names of the placeholders used.
    public var placeholders: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { return name } else { return nil } }
    }

    /// Writes the template with each placeholder replaced by its value (empty when it has none),
    /// calling `body` where `{{body}}` stands.
    func render<Output: TextOutputStream>(_ values: [String: String], to output: inout Output, body: (inout Output) -> Void) {
        for segment in segments {
            switch segment {
            case .literal(let text): output.write(text)
            case .placeholder("body"): body(&output)
            case .placeholder(let name): output.write(values[name] ?? "")
            }
        }
    }
}
