namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>
/// The shell the ssh provider runs on a host, for a minion installed in folder <c>dir</c>: a systemd unit
/// <c>eventreactor-minion-ID.service</c> where PID 1 is systemd, otherwise a process in its own session with a pid file.
/// </summary>
internal static class SshMinionScripts
{
    /// <summary>Four lines: the architecture, the OS (ID VERSION_ID), PID 1's name and the user id.</summary>
    public const string Detect = "uname -m; (. /etc/os-release 2>/dev/null && echo \"$ID $VERSION_ID\") || echo unknown; cat /proc/1/comm; id -u";

    public static string Unit(string id) => $"/etc/systemd/system/eventreactor-minion-{id}.service";

    /// <summary>Prints <c>running</c>, <c>stopped</c> (installed, not running) or <c>absent</c>.</summary>
    public static string Status(string dir, string id) => $"""
        d={SshShell.Quote(dir)}; unit={SshShell.Quote(Unit(id))}
        if [ -f "$unit" ] && [ "$(cat /proc/1/comm)" = systemd ]; then
          systemctl is-active --quiet "eventreactor-minion-{id}" && echo running || echo stopped; exit 0
        fi
        if [ -f "$d/minion.pid" ] && tr '\0' ' ' < "/proc/$(cat "$d/minion.pid")/cmdline" 2>/dev/null | grep -q -- 'minion --id {id} '; then echo running
        elif [ -f "$d/minion.env" ]; then echo stopped
        else echo absent; fi
        """;

    /// <summary>Starts the minion: the unit (enabled, so it comes back with the host) or a process in its own session.</summary>
    public static string Start(string dir, string id, bool systemd) => systemd
        ? $"systemctl daemon-reload && systemctl enable --now eventreactor-minion-{id} >/dev/null 2>&1 && systemctl restart eventreactor-minion-{id}"
        : $"""
            cd {SshShell.Quote(dir)} && set -a && . ./minion.env && set +a
            setsid ./{MinionBuild.Executable} --id {id} --bus "$EVENTREACTOR_MINION_BUS" --data ./data --enrollment-token-file ./enrollment.token >>minion.log 2>&1 </dev/null &
            echo $! > minion.pid
            """;

    /// <summary>Stops the minion gracefully (it says goodbye), killing it after 10 s.</summary>
    public static string Stop(string dir, string id) => $"""
        d={SshShell.Quote(dir)}
        if [ -f {SshShell.Quote(Unit(id))} ] && [ "$(cat /proc/1/comm)" = systemd ]; then systemctl stop "eventreactor-minion-{id}" || true; fi
        if [ -f "$d/minion.pid" ]; then
          p=$(cat "$d/minion.pid")
          if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q -- 'minion --id {id} '; then
            kill "$p"; n=0
            while kill -0 "$p" 2>/dev/null && [ $n -lt 20 ]; do sleep 0.5; n=$((n+1)); done
            kill -9 "$p" 2>/dev/null || true
          fi
          rm -f "$d/minion.pid"
        fi
        """;

    /// <summary>Removes the whole CLI (<c>eventreactor</c>) that earlier versions of the provider installed, once it no longer runs.</summary>
    public static string RemoveEarlierBuild(string dir) => $"rm -f {SshShell.Quote(dir)}/eventreactor";

    /// <summary>Removes what the provider installed (an earlier version's build too); the folder itself only if nothing else is left in it.</summary>
    public static string Remove(string dir, string id, IEnumerable<string> files) => $"""
        d={SshShell.Quote(dir)}; unit={SshShell.Quote(Unit(id))}
        if [ -f "$unit" ]; then systemctl disable "eventreactor-minion-{id}" >/dev/null 2>&1 || true; rm -f "$unit"; systemctl daemon-reload 2>/dev/null || true; fi
        rm -rf "$d/data" && rm -f "$d/minion.env" "$d/enrollment.token" "$d/minion.log" "$d/minion.pid" "$d/eventreactor" {string.Join(' ', files.Select(f => "\"$d/\"" + SshShell.Quote(f)))}
        rmdir "$d" 2>/dev/null || true
        """;

    /// <summary>The systemd unit: the environment file carries the bus URL, the reactor's address and the grains.</summary>
    public static string UnitFile(string dir, string id) => $"""
        [Unit]
        Description=EventReactor minion {id}
        After=network-online.target
        Wants=network-online.target

        [Service]
        EnvironmentFile={dir}/minion.env
        WorkingDirectory={dir}
        ExecStart={dir}/{MinionBuild.Executable} --id {id} --bus ${"{"}EVENTREACTOR_MINION_BUS{"}"} --data {dir}/data --enrollment-token-file {dir}/enrollment.token
        Restart=always
        RestartSec=5

        [Install]
        WantedBy=multi-user.target

        """;
}
