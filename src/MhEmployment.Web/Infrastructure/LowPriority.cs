using System.Runtime.InteropServices;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Lowers the CPU priority of the calling thread (Linux's nice value, which the kernel keeps per thread): background
/// work that takes seconds of CPU (an import's reading and writing of a million rows, the dashboards' reload of them)
/// then yields the cores to requests whenever both want them, and runs at full speed when the machine is otherwise idle.
/// Best effort: elsewhere, or where the kernel refuses, nothing changes.
/// </summary>
internal static partial class LowPriority
{
    private const int Nicest = 19;

    private const int PrioProcess = 0; // with a thread id as who, Linux sets that thread's priority

    /// <summary>Makes the calling thread <paramref name="nicer"/> steps nicer than it is (each step about 1.25 × less CPU).</summary>
    public static void ForThisThread(int nicer)
    {
        if (OperatingSystem.IsLinux() && nicer > 0)
        {
            var thread = GetThreadId();
            _ = SetPriority(PrioProcess, thread, Math.Min(Nicest, GetPriority(PrioProcess, thread) + nicer));
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority")]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
