// Package cli is jixiao's command line: every subcommand (the table is in
// commands.go), its flags and its Chinese messages. It knows nothing of
// the window, so its tests link no GUI code; cmd/jixiao's main calls Run
// when the program is started with a subcommand.
//
// Exit codes: 0 success, 1 a user-facing error (the message says what to
// do), 2 misuse of the command line.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"jixiao/model"
)

// command is one subcommand. run returns nil, a *userError (exit 1), a
// *usageError (exit 2) or any other error (exit 1, shown through
// model.ErrorMessage: an error without a code is a program error).
type command struct {
	name    string
	args    string // the usage after the name, e.g. "--draft ID --year 2021"
	summary string // one line in Chinese
	run     func(c *cli, args []string) error
}

// cli is what a command writes to.
type cli struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	// file, when set, is where a file named "-" goes (the process's
	// standard output) while stdout, the messages, is the error stream.
	file io.Writer
}

// fileToStdout returns the cli of a command that writes a file to
// standard output: its messages go to the error stream.
func (c *cli) fileToStdout() *cli {
	return &cli{stdout: c.stderr, stderr: c.stderr, stdin: c.stdin, file: c.stdout}
}

// out is where a file named "-" is written.
func (c *cli) out() io.Writer {
	if c.file != nil {
		return c.file
	}
	return c.stdout
}

func (c *cli) printf(format string, args ...any) { fmt.Fprintf(c.stdout, format, args...) }

// userError is a problem the user can fix; its message is plain Chinese.
// It keeps the error it was made from (a %w operand of userErrorf), so its
// code (model.ErrorCode) is that error's, or EINVALID for a message of the
// command line's own.
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

// ErrorCode is the cause's code, or model.EINVALID.
func (e *userError) ErrorCode() string {
	if e.err != nil {
		return model.ErrorCode(e.err)
	}
	return model.EINVALID
}

// userErrorf formats as fmt.Errorf does; a %w operand is kept as the cause.
func userErrorf(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &userError{msg: err.Error(), err: errors.Unwrap(err)}
}

// userErr is err as a user error, with err's own message.
func userErr(err error) error {
	return &userError{msg: model.ErrorMessage(err), err: err}
}

// usageError is a misuse of the command line.
type usageError struct {
	msg string
	err error
}

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Unwrap() error { return e.err }

// ErrorCode is model.EINVALID: the command line is to be corrected.
func (e *usageError) ErrorCode() string { return model.EINVALID }

// usageErrorf formats as fmt.Errorf does; a %w operand is kept as the cause.
func usageErrorf(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &usageError{msg: err.Error(), err: errors.Unwrap(err)}
}

// errFindings is returned by commands that ran fine but found errors in
// the form (check): exit 1 without a further message.
var errFindings = errors.New("审核发现错误")

// Run runs the subcommand named by args[0] with the process's standard
// streams and returns the exit code.
func Run(args []string) int {
	return run(args, &cli{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin})
}

// lookup returns the command called name, or nil.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run runs the subcommand named by args[0] and returns the exit code.
func run(args []string, c *cli) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(c.stderr, "程序内部出错，操作未完成（%v）。您的草稿未被改动；请把这条信息发给技术支持。\n", r)
			code = 1
		}
	}()
	name := args[0]
	switch name {
	case "help", "-h", "--help", "-help":
		usage(c.stdout)
		return 0
	}
	cmd := lookup(name)
	if cmd == nil {
		fmt.Fprintf(c.stderr, "没有“%s”这个命令。\n\n", name)
		usage(c.stderr)
		return 2
	}
	err := cmd.run(c, args[1:])
	code = exitCode(err)
	var ue *usageError
	switch {
	case code == 0 || errors.Is(err, errFindings):
	case errors.As(err, &ue):
		fmt.Fprintf(c.stderr, "%s\n用法：jixiao %s %s\n", ue.msg, cmd.name, cmd.args)
	default:
		fmt.Fprintln(c.stderr, model.ErrorMessage(err))
	}
	return code
}

// exitCode is the exit code for err, chosen by its kind, never by its
// text: 0 success, 2 a misuse of the command line (*usageError), 1 anything
// else — the form has errors (errFindings) or a problem with a message of
// any model code (model.ErrorCode), a program error (EINTERNAL) included.
func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "绩效目标申报（jixiao）：市级部门整体绩效目标申报表")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "不带参数运行时打开程序窗口。命令行用法：")
	for _, c := range commands {
		fmt.Fprintf(w, "  jixiao %s %s\n      %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "所有命令都接受 --db 路径（写在命令之前或之后均可），指定草稿数据文件（默认在用户配置目录，也可用环境变量 JIXIAO_DB）。")
	fmt.Fprintln(w, "草稿用 --draft 编号 指定；要读的文件用 --in 文件 指定（import、merge、restore 和 template check/import 也可以直接写文件名）。")
	fmt.Fprintln(w, "每个选项只能给一次：重复给出（如 --draft A --draft B）是用法错误，不会用后一个悄悄代替前一个。")
	fmt.Fprintln(w, "退出码：0 成功，1 出现需要处理的问题，2 命令用法有误。")
}

// flags returns a flag set whose errors are reported in Chinese as usage
// errors, never printed in English by the flag package.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// listFlag is an option that may be given more than once, each value
// kept in order (check --in a.xlsx --in b.xlsx). Every other option given
// twice is a usage error (see parse).
type listFlag []string

func (l *listFlag) String() string {
	if l == nil {
		return ""
	}
	return strings.Join(*l, ",")
}

func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// inFlag registers --in, the option that names a file on every command
// that reads files (check --in, export --in, import --in …). The commands
// that took their file as a plain argument before (import, merge, restore,
// template check/import) still do, for the scripts that use that form.
func inFlag(fs *flag.FlagSet, usage string) *listFlag {
	var l listFlag
	fs.Var(&l, "in", usage)
	return &l
}

// files is the files of a command: those given by --in, then the plain
// arguments.
func (l *listFlag) files(pos []string) []string {
	return append(append([]string(nil), *l...), pos...)
}

// dashes writes an option named in a flag package message ("-in") as the
// help writes it ("--in").
func dashes(s string) string {
	if strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "--") {
		return "-" + s
	}
	return s
}

// once wraps a single-valued option: a second value is refused, never
// silently put over the first (jixiao check --in a --in b checked only b).
type once struct {
	flag.Value
	name, first string
	set         bool
	dup         *error // where parse finds the refusal
}

func (o *once) Set(s string) error {
	if o.set {
		if o.isBool() {
			*o.dup = usageErrorf("选项 --%s 给了两次，只能给一次", o.name)
		} else {
			*o.dup = usageErrorf("选项 --%s 给了两次（“%s”和“%s”），只能给一次", o.name, o.first, s)
		}
		return *o.dup
	}
	o.set, o.first = true, s
	return o.Value.Set(s)
}

func (o *once) isBool() bool {
	b, ok := o.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// onceBool is once for a switch (--yes): the flag package asks
// IsBoolFlag to let it go without a value.
type onceBool struct{ *once }

func (onceBool) IsBoolFlag() bool { return true }

// parse parses args with fs and turns the flag package's errors into
// Chinese usage errors. Positional arguments are returned. An option
// given twice is a usage error unless it is a listFlag.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var dup error
	fs.VisitAll(func(f *flag.Flag) {
		switch f.Value.(type) {
		case *listFlag, *once, onceBool:
			return
		}
		o := &once{Value: f.Value, name: f.Name, dup: &dup}
		if o.isBool() {
			f.Value = onceBool{o}
		} else {
			f.Value = o
		}
	})
	// Allow flags after positional arguments (jixiao import FILE --db X).
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if dup != nil {
				return nil, dup
			}
			msg := err.Error()
			switch {
			case strings.HasPrefix(msg, "flag provided but not defined: "):
				return nil, usageErrorf("不认识的选项 %s", dashes(strings.TrimPrefix(msg, "flag provided but not defined: ")))
			case strings.HasPrefix(msg, "flag needs an argument: "):
				return nil, usageErrorf("选项 %s 后面需要一个值", dashes(strings.TrimPrefix(msg, "flag needs an argument: ")))
			case strings.HasPrefix(msg, "invalid value "):
				return nil, usageErrorf("选项的值不对：%s", strings.TrimPrefix(msg, "invalid value "))
			case errors.Is(err, flag.ErrHelp):
				return nil, usageErrorf("帮助：")
			}
			return nil, usageErrorf("命令行有误：%s", msg)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
