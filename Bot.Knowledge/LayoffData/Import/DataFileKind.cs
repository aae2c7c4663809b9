namespace Bot.Knowledge.LayoffData;

public enum DataFileKind
{
    Unknown,
    LayoffsFyi,
    WarnNotices,
}
