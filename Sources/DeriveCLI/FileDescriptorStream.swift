import BackpropRendering

/// A buffered text stream onto a file descriptor: renderers write small pieces, the stream writes 64 KiB at a time.
///
/// A write error is remembered, further output is dropped, and ``finish()`` reports it. A stream made with an
/// `onFailure` handler also calls it at the first failed write, so a handler that ends the process stops the work
/// that nobody can read any more (a reader that left the pipe, a full disk).
public struct FileDescriptorStream: UTF8OutputStream {
    private let descriptor: Int32
    private let onFailure: ((Int32) -> Void)?
    private var buffer: [UInt8] = []
    /// The `errno` of the first failed write, if any.
    public private(set) var failure: Int32?

    private static let capacity = 1 << 16

    /// A stream onto `descriptor`, which stays open.
    /// - Parameter onFailure: Called with the `errno` of the first failed write.
    public init(descriptor: Int32, onFailure: ((Int32) -> Void)? = nil) {
        self.descriptor = descriptor
        self.onFailure = onFailure
        buffer.reserveCapacity(Self.capacity)
    }

    public mutating func write(_ string: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.capacity { flush() }
    }

    public mutating func write(utf8 bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { flush() }
    }

    /// Writes out what is buffered.
    /// - Returns: The `errno` of the first failed write, or `nil`.
    @discardableResult
    public mutating func finish() -> Int32? {
        flush()
        return failure
    }

    private mutating func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                Platform.writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if Platform.errorCode == Platform.interrupted { continue }
                let code = Platform.errorCode
                failure = code
                buffer.removeAll(keepingCapacity: true)
                onFailure?(code)
                return
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
