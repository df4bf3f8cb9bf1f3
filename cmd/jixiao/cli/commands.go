package cli

// commands is every subcommand, in the order `jixiao help` lists them.
// A new command is a file with its run function and one entry here.
var commands = []*command{
	{
		name:    "list",
		args:    "[--trash] [--db 路径]",
		summary: "列出草稿，每行一份：编号、年度、部门、最后修改时间、来源；--trash 列出回收站",
		run:     runList,
	},
	{
		name:    "new",
		args:    "--year 2021 --dept 部门名称 [--template 表样编号[@版本]] [--db 路径]",
		summary: "新建一份空白草稿（--template 指定表样，默认郑州表样；编号见 jixiao template list；不写 @版本 时用本机最新的版本），最后一行输出新草稿的编号",
		run:     runNew,
	},
	{
		name:    "sample",
		args:    "[--db 路径]",
		summary: "把内置示例（郑州市生态环境局 2020年度）加为一份草稿，最后一行输出编号",
		run:     runSample,
	},
	{
		name:    "carry",
		args:    "--draft 编号 --year 2021 [--template 表样编号] [--db 路径]",
		summary: "复制上年：用一份草稿生成新年度的草稿，列出每一处年份替换，最后一行输出新草稿的编号；--template 换用另一个表样（或其新版本），列出表样的变化和无法放入新表样的内容",
		run:     runCarry,
	},
	{
		name:    "import",
		args:    "[--in] 文件（.xlsx .xls .et .docx .pdf .json） [--into 编号] [--db 路径]",
		summary: "把 Excel（.xlsx/.xls）、WPS（.et）、Word（.docx）、PDF 或 JSON 文件导入为一份新草稿：列出识别到的表样（内置的和用 template import 导入的表样）、内容和问题，最后一行输出新草稿的编号；--into 编号：把填好的运行监控表/自评表的数值导回该草稿",
		run:     runImport,
	},
	{
		name:    "export",
		args:    "(--draft 编号 | --sample | --in 文件) [--stage 申报|监控|自评] [--xlsx 输出.xlsx] [--pdf 输出.pdf] [--json 输出.json] [--db 路径]",
		summary: "导出为 Excel、PDF 或 JSON；不指定输出时在当前文件夹写出 Excel，文件名为“部门_年度年度_绩效目标申报表.xlsx”；输出写成 - 时写到标准输出（只能有一个），提示信息改写到标准错误；--stage 监控|自评 导出运行监控表或自评表",
		run:     runExport,
	},
	{
		name:    "check",
		args:    "(--sample | --draft 草稿编号 | --in 文件 [--in 文件…] | --dir 文件夹 [--recursive]) [--out 审核汇总.xlsx] [--replies 文件夹] [--db 路径]",
		summary: "审核申报表：一份时显示合计和发现的问题；多份（--in 给多次，或 --dir 文件夹）时每个文件一行（文件、部门、年度、表样、合计、错误和提示数、第一个错误）和一行总计，同一部门同一年度的文件标出较新的一份；--out 写出审核汇总工作簿，--replies 为每个有问题的文件写出审核意见（PDF 和 Excel）；有错误或有文件无法读取时退出码为 1",
		run:     runCheck,
	},
	{
		name:    "merge",
		args:    "--into 草稿编号 [--in] 文件… [--yes] [--replace|--keep-both|--skip] [--keep-same-goals] [--allow-year] [--db 路径]",
		summary: "汇总：把下级单位的申报表文件（.xlsx 或 .json）合并进部门的草稿；先列出需要确认的问题，加 --yes 才合并",
		run:     runMerge,
	},
	{
		name:    "stage",
		args:    "--draft 编号 [监控 --month 6 | 自评] [--db 路径]",
		summary: "把草稿切换到运行监控（截至某月）或年度自评阶段；不给阶段时显示当前阶段和阶段记录",
		run:     runStage,
	},
	{
		name:    "library",
		args:    "[词语…] [--source 来源] [--level1 一级指标] [--level2 二级指标] [--sources] [--import 指标库.json] [--db 路径]",
		summary: "查指标库：每行一条，一级/二级/三级、指标值、来源（我的指标另列各年度用过的指标值）；词语可写名称、解释或公式的任一部分，或拼音首字母（yszxl）；--sources 列出来源；--import 导入单位的指标库文件",
		run:     runLibrary,
	},
	{
		name:    "delete",
		args:    "--draft 编号 [--db 路径]",
		summary: "把草稿移到回收站（可以用 jixiao restore --draft 编号 恢复）",
		run:     runDelete,
	},
	{
		name:    "restore",
		args:    "--list | [--in] 备份文件 | --draft 编号  [--db 路径]",
		summary: "--list 列出数据文件的备份（最新的在前）；给出备份文件则用它替换数据文件（当前文件先另存为备份）；--draft 从回收站恢复草稿",
		run:     runRestore,
	},
	{
		name:    "template",
		args:    "list | show 编号[@版本] | check [--in] 表样文件.json | import [--in] 表样文件.json [--as-new-version] | export 编号[@版本] 输出.json|- | migrate --draft 编号 [--to 版本] [--dry-run] [--db 路径]",
		summary: "表样：list 列出可用的表样（每个编号一行：编号、名称、版本）；show 显示表样的栏目和审核规则；check 检查表样文件，一次列出所有问题及其所在的行（有问题时退出码为 1）；import 导入财政局发的表样文件（本机已有同一版本而内容不同时拒绝，--as-new-version 作为新版本导入）；export 把表样写成文件；migrate 把草稿迁移到表样的新版本，列出变化和已填内容的去向（--dry-run 只列出）",
		run:     runTemplate,
	},
	{
		name:    "version",
		args:    "",
		summary: "显示程序的版本号",
		run:     runVersion,
	},
}
