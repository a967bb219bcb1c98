using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Minion;
using EventReactor.Minion.Storage;
using EventReactor.Minion.Trust;
using Microsoft.Extensions.Options;

namespace EventReactor.Benchmarks.Commands;

/// <summary>
/// "commands [count]": what signing costs per command (issue #11). The peer is what sending a command cost before it
/// was signed, serializing it; then the reactor's signing, and the minion's whole check (signature, target, time, and the
/// replay cache's insert in minion.db) and the signature check alone. Single thread, median of three passes.
/// </summary>
internal static class CommandSigningBenchmark
{
    private const int Repetitions = 3;

    public static Task<int> RunAsync(string[] args)
    {
        var count = args is [var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 5_000;
        var folder = Directory.CreateTempSubdirectory("command-bench-");
        try
        {
            using var reactor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(Path.Combine(folder.FullName, MinionIdentity.PinnedFileName), reactor.ExportSubjectPublicKeyInfoPem());
            var options = Options.Create(new MinionOptions { Id = "bench", DataPath = folder.FullName });
            using var identity = new MinionIdentity(options);
            using var database = MinionDatabase.Open(folder.FullName);
            var verifier = new CommandVerifier(identity, new ReplayCache(database), options, TimeProvider.System);
            var arguments = JsonDocument.Parse("""{"image":"eventreactor/busybox:latest","command":["sh","-c","exit 0"],"devices":["/dev/null"],"memory":"256m"}""").RootElement.Clone();
            var pass = 0;
            MinionCommand Command(int i)
            {
                var now = DateTimeOffset.UtcNow;
                return new MinionCommand { Jid = "20261205120000000000001", Minion = "bench", Function = "container.run", Arguments = arguments, IssuedAt = now, ExpiresAt = now.AddSeconds(30), Nonce = $"{pass}-{i}" };
            }

            var commands = Enumerable.Range(0, count).Select(Command).ToList();
            var signed = commands.Select(c => SignedMinionCommand.Sign(c, reactor)).ToList();
            var serialize = Time(count, i => JsonSerializer.SerializeToUtf8Bytes(commands[i], JsonSerializerOptions.Web));
            var sign = Time(count, i => SignedMinionCommand.Sign(commands[i], reactor));
            var signatureOnly = Time(count, i => signed[i].IsSignedBy(reactor));
            var verify = Time(count, i =>
            {
                // Fresh nonces for each pass, so that every check takes the full path and none is a replay.
                if (i == 0)
                {
                    pass++;
                    signed = Enumerable.Range(0, count).Select(j => SignedMinionCommand.Sign(Command(j), reactor)).ToList();
                }

                if (!verifier.Verify(signed[i]).Accepted)
                {
                    throw new InvalidOperationException($"command {i} was refused");
                }
            });
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"commands: {count:N0} per pass, median of {Repetitions} passes, one thread; payload {signed[0].Payload.Length} bytes, signature {signed[0].Signature.Length} bytes"));
            Console.WriteLine(string.Create(invariant, $"{"step",-48} {"µs/command",11}"));
            foreach (var (name, micros) in (ReadOnlySpan<(string, double)>)[
                ("serialize only (the unsigned peer)", serialize),
                ("reactor: serialize + sign (ECDSA P-256)", sign),
                ("minion: signature check alone", signatureOnly),
                ("minion: full check incl. replay cache insert", verify)])
            {
                Console.WriteLine(string.Create(invariant, $"{name,-48} {micros,11:F1}"));
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(invariant, $"sign_us={sign:F1}"));
            Console.WriteLine(string.Create(invariant, $"verify_us={verify:F1}"));
            Console.WriteLine(string.Create(invariant, $"sign_vs_serialize_ratio={sign / serialize:F1}"));
            return Task.FromResult(0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    // Median microseconds per call over the passes; the (untimed) regeneration at i == 0 is excluded by timing each pass from i == 1.
    private static double Time(int count, Action<int> step)
    {
        var perCall = new List<double>(Repetitions);
        for (var repetition = 0; repetition <= Repetitions; repetition++)
        {
            step(0);
            var started = Stopwatch.GetTimestamp();
            for (var i = 1; i < count; i++)
            {
                step(i);
            }

            if (repetition > 0)
            {
                perCall.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / (count - 1));
            }
        }

        perCall.Sort();
        return perCall[perCall.Count / 2];
    }
}
