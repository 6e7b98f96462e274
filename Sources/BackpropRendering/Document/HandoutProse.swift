import BackpropKit

/// The English every handout shares: where its values come from and how the matrix form refers back.
enum HandoutProse {
    /// Where the values come from and the command that regenerates the handout, or `nil` when neither is known.
    static func provenance(of info: HandoutInfo) -> [Phrase]? {
        var phrases: [Phrase] = []
        if let provenance = info.provenance { phrases.append(.text(provenance)) }
        if let generator = info.generator { phrases.append(.text((phrases.isEmpty ? "" : " ") + "Written by " + generator + ".")) }
        if let command = info.command {
            phrases += [.text((phrases.isEmpty ? "" : " ") + "Regenerate the handout with "), .code(command), .text(".")]
        }
        return phrases.isEmpty ? nil : phrases
    }

    /// The words before the equation that ties an entry of a matrix step to the scalar derivation.
    static let tieBack = "As in the scalar derivation: "
}
