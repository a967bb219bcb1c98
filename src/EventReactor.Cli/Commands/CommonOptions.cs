using System.CommandLine;
using EventReactor.Hosting;

namespace EventReactor.Cli.Commands;

/// <summary>Options that several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public const string DefaultServer = "http://127.0.0.1:7070";
    public const string DefaultRabbitMq = BusOption.DefaultRabbitMq;

    public static Option<string> Server() => new("--server")
    {
        Description = "The reactor's HTTP API",
        DefaultValueFactory = _ => DefaultServer,
    };

    public static Option<string?> Rules() => new("--rules") { Description = "Folder of rule files (default: reactors/)" };

    public static Option<string?> Pools() => new("--pools") { Description = "The pools file (default: config/pools.yaml; missing means no pools)" };

    public static Option<string?> Benchmarks() => new("--benchmarks") { Description = "Folder of benchmark suites (default: config/benchmarks/)" };

    public static Option<string?> Data() => new("--data") { Description = "Folder for state (default: ./.eventreactor/)" };

    public static Option<string?> State() => new("--state") { Description = "Where the reactor keeps its state: postgres://user:password@host:port/database for a shared database (default: SQLite in the --data folder)" };

    public static Option<string?> Http() => new("--http") { Description = "Address of the HTTP API (default: http://127.0.0.1:7070)" };

    public static Option<string?> Bus(string fallback) => BusOption.Create(fallback);
}
