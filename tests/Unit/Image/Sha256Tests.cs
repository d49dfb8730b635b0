using System.Text;
using Swssbox.Image.Hashing;

namespace Swssbox.Tests.Unit.Image;

/// <summary>Our SHA-256 against FIPS 180-4's vectors and against the BCL's (OpenSSL) at every block boundary.</summary>
public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void Matches_the_published_vectors(string message, string expected) =>
        Assert.Equal(expected, Sha256.HexOf(Encoding.ASCII.GetBytes(message)));

    [Fact]
    public void Matches_the_million_a_vector_fed_in_odd_pieces()
    {
        var sha = new Sha256();
        var piece = Encoding.ASCII.GetBytes(new string('a', 997));
        int left = 1_000_000;
        while (left > 0)
        {
            int n = Math.Min(left, piece.Length);
            sha.Append(piece.AsSpan(0, n));
            left -= n;
        }
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", sha.FinishHex());
    }

    [Fact]
    public void Agrees_with_the_bcl_around_every_padding_boundary()
    {
        var random = new Random(5);
        for (int length = 0; length < 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            string expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
            Assert.Equal(expected, Sha256.HexOf(data));
        }
    }

    [Fact]
    public void DigestingStream_hashes_and_counts_what_passes_through()
    {
        using var inner = new MemoryStream();
        var stream = new DigestingStream(inner);
        stream.Write("hello "u8);
        stream.WriteByte((byte)'w');
        stream.Write("orld"u8.ToArray(), 0, 4);
        Assert.Equal(11, stream.BytesWritten);
        Assert.Equal("sha256:" + Sha256.HexOf("hello world"u8), stream.FinishDigest());
        Assert.Equal("hello world"u8.ToArray(), inner.ToArray());
    }
}
