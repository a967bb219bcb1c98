using System.CommandLine;
using EventReactor.Hosting;

namespace EventReactor.Cli.Commands;

/// <summary>The options every command that hosts a reactor takes (<c>up</c>, <c>reactor</c>), read the same way.</summary>
internal sealed class ReactorCommandOptions(string busDefault)
{
    public Option<string?> Rules { get; } = CommonOptions.Rules();

    public Option<string?> Data { get; } = CommonOptions.Data();

    public Option<string?> State { get; } = CommonOptions.State();

    public Option<string?> Pools { get; } = CommonOptions.Pools();

    public Option<string?> Benchmarks { get; } = CommonOptions.Benchmarks();

    public Option<string?> Bus { get; } = CommonOptions.Bus(busDefault);

    public Option<string?> Http { get; } = CommonOptions.Http();

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[Rules, Data, State, Pools, Benchmarks, Bus, Http])
        {
            command.Options.Add(option);
        }
    }

    public DaemonSettings ToSettings(ParseResult parse, string? busFallback = null) => new DaemonSettings()
        .Set("Reactor:RulesPath", parse.GetValue(Rules))
        .Set("Reactor:DataPath", parse.GetValue(Data))
        .Set("Reactor:State", parse.GetValue(State))
        .Set("Reactor:PoolsFile", parse.GetValue(Pools))
        .Set("Reactor:Benchmarks:Path", parse.GetValue(Benchmarks))
        .Set("Reactor:Http", parse.GetValue(Http))
        .Set("Bus:Url", parse.GetValue(Bus) ?? busFallback);
}
