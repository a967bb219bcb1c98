using System.Globalization;
using EventReactor.EndToEnd;

// deploy/perf/e2e.sh runs the benchmark (issues #8 and #10); deploy/perf/scale.sh runs "scale" (issue #15); deploy/perf/soak.sh runs "soak", which starts the reactor
// and each minion as "soak-reactor" and "soak-minion" child processes of this program, to measure each one's memory.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var named = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
var command = named ? args[0] : "e2e";
var settings = BenchSettings.Parse(named ? args[1..] : args);
return command switch
{
    "e2e" => await EndToEndRun.RunAsync(settings),
    "soak" => await SoakRun.RunAsync(settings),
    "scale" => await ScaleRun.RunAsync(settings),
    "soak-reactor" => await SoakReactorProcess.RunAsync(settings),
    "soak-minion" => await SoakMinionProcess.RunAsync(settings),
    _ => throw new ArgumentException($"unknown command '{command}': use e2e (the default), soak, soak-reactor, soak-minion or scale"),
};
