/// A document skeleton with named placeholders `{{name}}`; `{{body}}` marks where the derivation goes.
package struct Template: Sendable, Equatable {
    /// A piece of a template.
    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    let segments: [Segment]

    /// The template in `text`.
    package init(text: String) {
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
    package static let latexHandout = Template(text: EmbeddedTemplates.handoutTeX)
    /// The Markdown handout skeleton shipped in `templates/handout.md`.
    package static let markdownHandout = Template(text: EmbeddedTemplates.handoutMarkdown)

    /// The names of the placeholders used.
    package var placeholders: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { return name } else { return nil } }
    }

    /// The template with each placeholder replaced by its value (empty when it has none), cut where
    /// `{{body}}` stands: the body goes between each two pieces.
    package func pieces(_ values: [String: String]) -> [String] {
        var pieces = [""]
        for segment in segments {
            switch segment {
            case .literal(let text): pieces[pieces.count - 1] += text
            case .placeholder("body"): pieces.append("")
            case .placeholder(let name): pieces[pieces.count - 1] += values[name] ?? ""
            }
        }
        return pieces
    }
}
