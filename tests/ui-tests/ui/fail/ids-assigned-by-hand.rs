// Most written ids differ from the computed ones, as in a schema that assigns them by hand
// (StatsHouse's binlog schema): the first error says how to take them all.
tl_runtime::tl! {
    #[tl(id_rule = "tdlib")]
    r"
fsbinlog.snapshotMeta#6b49d850 fields_mask:# CommitPosition:long CommitCrc:# CommitTs:# = fsbinlog.SnapshotMeta;
fsbinlog.levStart#044c644b SchemaId:int ExtraBytes:int SplitMod:int SplitMin:int SplitMax:int = fsbinlog.LevStart;
fsbinlog.levUpgradeToGms#b75009a0 fields_mask:# PayloadOffset:long Crc:# Ts:# = fsbinlog.LevUpgradeToGms;
sqlite.metainfo#9286affa field_mask:# offset:long control_meta:field_mask.0?string = sqlite.Metainfo;
        "
}

fn main() {}
