using System.Security.Cryptography;
using System.Text;
using EventReactor.Contracts;
using EventReactor.Minion.Trust;
using EventReactor.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Minion.Tests.Trust;

/// <summary>Every reason a minion refuses a command, the one command it runs, and its replay cache across a restart.</summary>
public sealed class CommandVerifierTests : IDisposable
{
    private const string Self = "m1";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    private readonly TempDataFolder _data = new();
    private readonly ECDsa _reactor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _clock = new(Now);
    private MinionIdentity? _identity;

    public CommandVerifierTests()
    {
        File.WriteAllText(Path.Combine(_data.Path, MinionIdentity.PinnedFileName), _reactor.ExportSubjectPublicKeyInfoPem());
    }

    [Fact]
    public void Verify_SignedForThisMinionInTime_Runs()
    {
        var verdict = Verifier().Verify(Signed(Command()));

        Assert.True(verdict.Accepted);
        Assert.Equal("j1", verdict.Command!.Jid);
    }

    [Fact]
    public void Verify_NoSignature_RefusedUnsignedWithNoAnswer() =>
        AssertRefused(Signed(Command()) with { Signature = [] }, CommandRefusal.Unsigned, answerable: false);

    [Fact]
    public void Verify_SignedByAnotherKey_RefusedBadSignatureWithNoAnswer() =>
        AssertRefused(SignedMinionCommand.Sign(Command(), _attacker), CommandRefusal.BadSignature, answerable: false);

    [Fact]
    public void Verify_ArgumentsTamperedAfterSigning_RefusedBadSignature()
    {
        var signed = Signed(Command());
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed.Payload).Replace("\"test.ping\"", "\"container.run\"", StringComparison.Ordinal));
        Assert.NotEqual(signed.Payload, tampered);

        AssertRefused(signed with { Payload = tampered }, CommandRefusal.BadSignature, answerable: false);
    }

    [Fact]
    public void Verify_SignedForAnotherMinion_RefusedOtherTargetWithNoAnswer() =>
        AssertRefused(Signed(Command() with { Minion = "m2" }), CommandRefusal.OtherTarget, answerable: false);

    [Fact]
    public void Verify_PastExpiryAndSkew_RefusedExpiredAndAnswered()
    {
        _clock.SetUtcNow(Now.AddSeconds(30 + 11));

        AssertRefused(Signed(Command()), CommandRefusal.Expired, answerable: true);
    }

    [Fact]
    public void Verify_IssuedBeyondTheSkewInTheFuture_RefusedFromTheFutureAndAnswered() =>
        AssertRefused(Signed(Command() with { IssuedAt = Now.AddSeconds(11), ExpiresAt = Now.AddSeconds(40) }), CommandRefusal.FromTheFuture, answerable: true);

    [Fact]
    public void Verify_ValidForMoreThanSixtySeconds_RefusedLifetimeTooLong() =>
        AssertRefused(Signed(Command() with { ExpiresAt = Now.AddSeconds(61) }), CommandRefusal.LifetimeTooLong, answerable: true);

    [Fact]
    public void Verify_NoNonce_RefusedMalformed() =>
        AssertRefused(Signed(Command() with { Nonce = string.Empty }), CommandRefusal.Malformed, answerable: false);

    [Fact]
    public void Verify_NoReactorKeyPinned_RefusedNotEnrolled()
    {
        File.Delete(Path.Combine(_data.Path, MinionIdentity.PinnedFileName));

        AssertRefused(Signed(Command()), CommandRefusal.NotEnrolled, answerable: false);
    }

    [Fact]
    public void Verify_SameCommandTwice_SecondRefusedReplayed()
    {
        var signed = Signed(Command());
        var verifier = Verifier();
        Assert.True(verifier.Verify(signed).Accepted);

        var again = verifier.Verify(signed);

        Assert.Equal(CommandRefusal.Replayed, again.Refusal);
        Assert.Null(again.Command);
    }

    [Fact]
    public void Verify_ReplayedAfterARestart_StillRefused()
    {
        var signed = Signed(Command());
        Assert.True(Verifier().Verify(signed).Accepted);

        var afterRestart = Verifier().Verify(signed);

        Assert.Equal(CommandRefusal.Replayed, afterRestart.Refusal);
    }

    [Fact]
    public void Verify_ManyCommandsOverTime_ExpiredNoncesArePruned()
    {
        var verifier = Verifier();
        Assert.True(verifier.Verify(Signed(Command() with { Nonce = "old" })).Accepted);
        _clock.SetUtcNow(Now.AddMinutes(5));

        Assert.True(verifier.Verify(Signed(Command() with { Nonce = "new", IssuedAt = _clock.GetUtcNow(), ExpiresAt = _clock.GetUtcNow().AddSeconds(30) })).Accepted);

        var database = _data.Open();
        using var scope = database.EnterWrite();
        Assert.Equal(1L, (long)scope.Connection.Scalar("SELECT COUNT(*) FROM command_nonces")!);
    }

    /// <summary>
    /// The regression catcher: the forged-command attack, run against a verifier that lets everything through, succeeds.
    /// So the attack tests above would fail if the real check were ever weakened that way.
    /// </summary>
    [Fact]
    public void ForgedCommandAttack_VerifierThatAcceptsEverything_Succeeds()
    {
        var forged = SignedMinionCommand.Sign(Command() with { Function = "container.run" }, _attacker);

        Assert.False(AttackRuns(Verifier(), forged));
        Assert.True(AttackRuns(new AcceptEverything(), forged));
    }

    public void Dispose()
    {
        _identity?.Dispose();
        _reactor.Dispose();
        _attacker.Dispose();
        _data.Dispose();
    }

    private static bool AttackRuns(ICommandVerifier verifier, SignedMinionCommand forged) => verifier.Verify(forged).Accepted;

    private static MinionCommand Command() => new()
    {
        Jid = "j1",
        Minion = Self,
        Function = "test.ping",
        IssuedAt = Now,
        ExpiresAt = Now.AddSeconds(30),
        Nonce = "nonce-1",
    };

    private SignedMinionCommand Signed(MinionCommand command) => SignedMinionCommand.Sign(command, _reactor);

    private void AssertRefused(SignedMinionCommand signed, CommandRefusal expected, bool answerable)
    {
        var verdict = Verifier().Verify(signed);

        Assert.Equal(expected, verdict.Refusal);
        Assert.Equal(answerable, verdict.Command is not null);
    }

    // A new identity and database each time: what a (re)started minion has.
    private CommandVerifier Verifier()
    {
        _identity?.Dispose();
        var options = Options.Create(new MinionOptions { Id = Self, DataPath = _data.Path });
        _identity = new MinionIdentity(options);
        return new CommandVerifier(_identity, new ReplayCache(_data.Open()), options, _clock);
    }

    private sealed class AcceptEverything : ICommandVerifier
    {
        public CommandVerdict Verify(SignedMinionCommand signed) => CommandVerdict.Run(signed.ReadCommand()!);
    }
}
