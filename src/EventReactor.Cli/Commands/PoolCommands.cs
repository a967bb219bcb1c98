using System.CommandLine;
using System.Globalization;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor pools</c>, <c>pools scale</c>, <c>pools add</c> and <c>pools remove</c>.</summary>
internal static class PoolCommands
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("pools", "List pools with their members, or change them") { json, server, CreateScale(), CreateMembership(add: true), CreateMembership(add: false) };
        command.SetAction((parse, cancellationToken) => StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.PoolsAsync(token), parse.GetValue(json), pools =>
            TableWriter.Write(
                ["POOL", "PROVIDER", "SIZE", "MEMBERS", "SELECT"],
                pools.Select(p => (IReadOnlyList<string>)
                [
                    p.Name,
                    p.Provider ?? "-",
                    p.Desired is { } desired
                        ? $"{Present(p)}/{desired} ({p.Min}..{p.Max})"
                        : Present(p).ToString(CultureInfo.InvariantCulture),
                    p.Members.Count > 0 ? string.Join(",", p.Members.Select(m => m.Minion)) : "-",
                    p.Select ?? "-",
                ])), cancellationToken));
        return command;
    }

    private static Command CreateScale()
    {
        var name = new Argument<string>("NAME") { Description = "The pool" };
        var size = new Argument<int>("N") { Description = "The desired number of minions" };
        var wait = new Option<bool>("--wait") { Description = "Wait until N members are present" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait with --wait (default 60)", DefaultValueFactory = _ => 60 };
        var server = CommonOptions.Server();
        var command = new Command("scale", "Set a provider pool's size; the reactor provisions or stops minions towards it") { name, size, wait, timeout, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pool = parse.GetValue(name)!;
            var target = parse.GetValue(size);
            using var client = new ReactorClient(parse.GetValue(server)!);
            try
            {
                await client.ScalePoolAsync(pool, target, cancellationToken);
                Console.WriteLine($"pool {pool}: desired size {target}");
                return parse.GetValue(wait) ? await WaitAsync(client, pool, target, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken) : CliApplication.Ok;
            }
            catch (ReactorClientException ex)
            {
                await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
                return CliApplication.Failure;
            }
        });
        return command;
    }

    private static Command CreateMembership(bool add)
    {
        var name = new Argument<string>("NAME") { Description = "The pool" };
        var minion = new Argument<string>("MINION") { Description = "The minion id" };
        var server = CommonOptions.Server();
        var command = new Command(add ? "add" : "remove", add ? "Add a minion to a pool explicitly" : "Remove a minion that was added explicitly") { name, minion, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pool = parse.GetValue(name)!;
            var id = parse.GetValue(minion)!;
            using var client = new ReactorClient(parse.GetValue(server)!);
            try
            {
                if (add)
                {
                    await client.AddPoolMemberAsync(pool, id, cancellationToken);
                }
                else
                {
                    await client.RemovePoolMemberAsync(pool, id, cancellationToken);
                }

                Console.WriteLine(add ? $"added {id} to pool {pool}" : $"removed {id} from pool {pool}");
                return CliApplication.Ok;
            }
            catch (ReactorClientException ex)
            {
                await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
                return CliApplication.Failure;
            }
        });
        return command;
    }

    // Polls the pool and prints each change in the count of present members, until it reaches the target or time runs out.
    private static async Task<int> WaitAsync(ReactorClient client, string pool, int target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = (Present: -1, Leaving: -1);
        while (true)
        {
            var view = await client.PoolAsync(pool, cancellationToken);
            var now = (Present: Present(view), Leaving: Leaving(view, target));
            if (now != last)
            {
                Console.WriteLine(now.Leaving == 0 ? $"pool {pool}: {now.Present}/{target} present" : $"pool {pool}: {now.Present}/{target} present, {now.Leaving} leaving");
                last = now;
            }

            if (now == (target, 0))
            {
                return CliApplication.Ok;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                var leaving = now.Leaving == 0 ? string.Empty : $", {now.Leaving} still leaving";
                await Console.Error.WriteLineAsync($"eventreactor: pool {pool} has {now.Present} of {target} members present{leaving} after {timeout.TotalSeconds:F0}s");
                return CliApplication.Failure;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    // Scaling down, a minion stops being present before its provider has stopped and removed it (its files on the host,
    // its key) and before it has left the pool: until then it is leaving, and the pool has not reached its size. An
    // added member stays a member while absent, so it is not leaving.
    private static int Leaving(PoolView pool, int target) =>
        Math.Max(pool.Members.Count(m => !m.Present && m.Reason != "added"), pool.Provider is null ? 0 : pool.Provisioned.Count - target);

    private static int Present(PoolView pool) => pool.Members.Count(m => m.Present);
}
