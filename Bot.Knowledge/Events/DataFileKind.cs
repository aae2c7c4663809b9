namespace Bot.Knowledge.Events;

public enum DataFileKind
{
    Unknown,
    LayoffsFyi,
    WarnNotices,
}
