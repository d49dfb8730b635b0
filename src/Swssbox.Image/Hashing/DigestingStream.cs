namespace Swssbox.Image.Hashing;

/// <summary>A write-only stream that hashes and counts what passes through it on its way to an inner stream.</summary>
public sealed class DigestingStream(Stream inner, bool leaveOpen = true) : Stream
{
    private readonly Sha256 _sha = new();

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Finishes the hash: "sha256:&lt;hex&gt;".</summary>
    public string FinishDigest() => "sha256:" + _sha.FinishHex();

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _sha.Append(buffer);
        BytesWritten += buffer.Length;
        inner.Write(buffer);
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void WriteByte(byte value) => Write([value]);

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
            inner.Dispose();
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override bool CanRead => false;
    /// <inheritdoc />
    public override bool CanSeek => false;
    /// <inheritdoc />
    public override bool CanWrite => true;
    /// <inheritdoc />
    public override long Length => BytesWritten;
    /// <inheritdoc />
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
