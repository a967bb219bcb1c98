using EventReactor.Core.Diagnostics;
using EventReactor.Core.Pools;

namespace EventReactor.Core.Tests.Pools;

public sealed class PoolHostParserTests
{
    private const string Fingerprint = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";

    [Fact]
    public void Parse_SshInventory_ReadsEveryHostWithDefaults()
    {
        var diagnostics = new List<RuleDiagnostic>();
        var pools = PoolFileParser.Parse("/etc/eventreactor/config/pools.yaml", $"""
            pools:
              - name: lab
                provider: ssh
                max: 2
                hosts:
                  - {"{"} address: 10.0.0.5, user: bench, key: keys/lab, host_key: "{Fingerprint}" {"}"}
                  - address: 10.0.0.6
                    port: 2222
                    user: root
                    key: /root/.ssh/id_ed25519
                    host_key: {Fingerprint}
                    sudo: true
                    dir: /srv/er/
            """, diagnostics);

        Assert.Empty(diagnostics);
        var hosts = Assert.Single(pools).Hosts;
        Assert.Equal(new PoolHost("10.0.0.5", 22, "bench", "/etc/eventreactor/config/keys/lab", Fingerprint, false, "/opt/eventreactor"), hosts[0]);
        Assert.Equal(new PoolHost("10.0.0.6", 2222, "root", "/root/.ssh/id_ed25519", Fingerprint, true, "/srv/er"), hosts[1]);
        Assert.Equal("root@10.0.0.6:2222", hosts[1].Handle);
    }

    [Fact]
    public void Parse_BadHosts_ReportsEachProblemWithItsPosition()
    {
        var diagnostics = new List<RuleDiagnostic>();
        var pools = PoolFileParser.Parse("pools.yaml", """
            pools:
              - name: lab
                provider: ssh
                hosts:
                  - address: 10.0.0.5
                    user: bench
                    key: k
                    host_key: MD5:aa:bb
                    port: 70000
                    sudo: maybe
                    colour: blue
                  - address: 10.0.0.6
            """, diagnostics);

        Assert.Empty(pools);
        var messages = diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("pools.yaml:8:", StringComparison.Ordinal) && m.Contains("'host_key' must be a SHA256 fingerprint", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("pools.yaml:9:", StringComparison.Ordinal) && m.Contains("'port' must be a TCP port", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("pools.yaml:10:", StringComparison.Ordinal) && m.Contains("'sudo' must be true or false", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("pools.yaml:11:", StringComparison.Ordinal) && m.Contains("unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("pools.yaml:12:", StringComparison.Ordinal) && m.Contains("a host needs 'user'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HostsWithoutProvider_Refused()
    {
        var diagnostics = new List<RuleDiagnostic>();
        PoolFileParser.Parse("pools.yaml", "pools:\n  - name: a\n    select: id == 'x'\n    hosts: []\n", diagnostics);

        Assert.Contains(diagnostics, d => d.ToString().StartsWith("pools.yaml:4:12: 'hosts' is the inventory of a provider", StringComparison.Ordinal));
    }
}
