namespace EventReactor.Reactor.Tests;

public sealed class ReactorOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("postgres://eventreactor:secret@localhost:5432/eventreactor")]
    [InlineData("postgresql://eventreactor:secret@db.example/state")]
    public void Validate_StateUnsetOrPostgresUrl_Succeeds(string? state)
    {
        var result = new ReactorOptionsValidator().Validate(null, new ReactorOptions { State = state });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("sqlite:///tmp/state.db", "must be a URL of the form postgres://user:password@host:port/database")]
    [InlineData("postgres://eventreactor:secret@localhost:5432/", "names no database")]
    [InlineData("postgres://eventreactor@localhost/state", "names no password")]
    [InlineData("postgres://:secret@localhost/state", "names no user")]
    [InlineData("postgres://eventreactor:secret@localhost/a/b", "holds no '/'")]
    public void Validate_BadStateUrl_FailsNamingTheKeyAndTheProblem(string state, string problem)
    {
        var result = new ReactorOptionsValidator().Validate(null, new ReactorOptions { State = state });

        Assert.True(result.Failed);
        Assert.Contains("Reactor:State", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Validate_StateConnectionsBelowTwo_FailsNamingTheKey(int connections)
    {
        var result = new ReactorOptionsValidator().Validate(null, new ReactorOptions { StateConnections = connections });

        Assert.True(result.Failed);
        Assert.Contains("Reactor:StateConnections", result.FailureMessage, StringComparison.Ordinal);
    }
}
