using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EventReactor.Contracts.Tests;

public sealed class SignedMinionCommandTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static MinionCommand Command => new()
    {
        Jid = "j1",
        Minion = "m1",
        Function = "container.run",
        Arguments = JsonDocument.Parse("""{"image":"busybox","devices":["/dev/null"]}""").RootElement.Clone(),
        IssuedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000),
        ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_030_000),
        Nonce = "n1",
    };

    [Fact]
    public void Sign_Command_PayloadIsItsJsonAndReadsBackEveryCoveredField()
    {
        var signed = SignedMinionCommand.Sign(Command, _key);

        var read = signed.ReadCommand()!;
        Assert.Equal((Command.Jid, Command.Minion, Command.Function, Command.IssuedAt, Command.ExpiresAt, Command.Nonce), (read.Jid, read.Minion, read.Function, read.IssuedAt, read.ExpiresAt, read.Nonce));
        Assert.Equal(Command.Arguments.GetRawText(), read.Arguments.GetRawText());
        Assert.True(signed.IsSignedBy(_key));
    }

    [Fact]
    public void SignedBytes_Payload_DomainPrefixThenTheExactPayload()
    {
        var payload = Encoding.UTF8.GetBytes("{}");

        Assert.Equal(Encoding.ASCII.GetBytes("eventreactor/minion-command/v1\n{}"), SignedMinionCommand.SignedBytes(payload));
    }

    [Theory]
    [InlineData("\"m1\"", "\"m2\"")]
    [InlineData("\"busybox\"", "\"miner!!\"")]
    [InlineData("\"n1\"", "\"n2\"")]
    public void IsSignedBy_OneFieldChangedAfterSigning_False(string from, string to)
    {
        var signed = SignedMinionCommand.Sign(Command, _key);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed.Payload).Replace(from, to, StringComparison.Ordinal));
        Assert.NotEqual(signed.Payload, tampered);

        Assert.False((signed with { Payload = tampered }).IsSignedBy(_key));
    }

    [Fact]
    public void IsSignedBy_SignatureOverThePayloadWithoutTheDomain_False()
    {
        var signed = SignedMinionCommand.Sign(Command, _key);

        var bare = signed with { Signature = _key.SignData(signed.Payload, HashAlgorithmName.SHA256) };

        Assert.False(bare.IsSignedBy(_key));
    }

    [Fact]
    public void Envelope_ThroughJson_KeepsTheExactBytes()
    {
        var signed = SignedMinionCommand.Sign(Command, _key);

        var back = JsonSerializer.Deserialize<SignedMinionCommand>(JsonSerializer.Serialize(signed, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        Assert.Equal(signed.Payload, back.Payload);
        Assert.True(back.IsSignedBy(_key));
    }

    public void Dispose() => _key.Dispose();
}
