namespace EventReactor.Minion.Commands;

/// <summary>What commands may do on this host (section <c>Minion:Policy</c>, or the file <c>Minion:PolicyFile</c>).</summary>
public sealed class MinionPolicy
{
    // The images the shipped suites, rules and tests run; anything else is the operator's choice, in config.
    public static readonly IReadOnlyList<string> DefaultAllowedImages = ["eventreactor/*", "busybox", "busybox:*"];

    public static readonly IReadOnlyList<string> DefaultAllowedDevices =
        ["/dev/null", "/dev/nvidia*", "/dev/dri/*", "/dev/kfd", "/dev/xclmgmt*", "/dev/xocl*", "/dev/fpga*"];

    // The lists start empty: the configuration binder appends to a list's initial items, so defaults given here
    // would survive every configured allowlist. PolicyDefaults fills in a list that nothing configured.

    /// <summary>Globs of images that may run or be pulled; default <see cref="DefaultAllowedImages"/>.</summary>
    public List<string> AllowedImages { get; set; } = [];

    public bool AllowPrivileged { get; set; }

    /// <summary>Whether a container may share the host's network (<c>network: host</c>); off, since it reaches every local port.</summary>
    public bool AllowHostNetwork { get; set; }

    /// <summary>Globs of host device paths that may be passed into containers; default <see cref="DefaultAllowedDevices"/>.</summary>
    public List<string> AllowedDevices { get; set; } = [];

    /// <summary>Most CPUs one container may get; 0 means no limit.</summary>
    public double MaxCpus { get; set; }

    /// <summary>Most memory one container may get, e.g. <c>8g</c>; empty means no limit.</summary>
    public string MaxMemory { get; set; } = string.Empty;
}
