// tsbpf-verify: loads a BPF object's programs into the kernel (verifier included), reports each as one JSON line, unloads.
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <linux/bpf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "tsbpf-verify"
#define USAGE "usage: " PROG " <object.bpf.o> [<program>=<type>]... (type: xdp, classifier, socket)"
#define LOG_SIZE (16u << 20)

/* What libbpf says about the object (a map it could not create, a relocation): kept for the report, not printed. */
static char notes[65536];
static size_t notes_len;

static int keep_notes(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG || notes_len >= sizeof(notes) - 1)
		return 0;
	int n = vsnprintf(notes + notes_len, sizeof(notes) - notes_len, fmt, args);
	if (n > 0)
		notes_len += (size_t)n < sizeof(notes) - notes_len ? (size_t)n : sizeof(notes) - notes_len - 1;
	return 0;
}

/* s as a JSON string. */
static void put_json_string(const char *s)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '\t')
			fputs("\\t", stdout);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static int type_by_name(const char *name, enum bpf_prog_type *type)
{
	static const struct { const char *name; enum bpf_prog_type type; } types[] = {
		{ "xdp", BPF_PROG_TYPE_XDP },
		{ "classifier", BPF_PROG_TYPE_SCHED_CLS },
		{ "socket", BPF_PROG_TYPE_SOCKET_FILTER },
	};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcmp(types[i].name, name) == 0) {
			*type = types[i].type;
			return 0;
		}
	}
	return -1;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "%s\n", USAGE);
		return 2;
	}
	libbpf_set_print(keep_notes);
	struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		fprintf(stderr, PROG ": cannot open %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		enum bpf_prog_type type;
		if (!eq || type_by_name(eq + 1, &type) != 0) {
			fprintf(stderr, PROG ": bad argument '%s'\n%s\n", argv[i], USAGE);
			return 2;
		}
		*eq = '\0';
		struct bpf_program *p = bpf_object__find_program_by_name(obj, argv[i]);
		if (!p) {
			fprintf(stderr, PROG ": %s has no program '%s'\n", argv[1], argv[i]);
			return 2;
		}
		bpf_program__set_type(p, type);
	}
	/* each program gets its own log, filled only when its load fails (libbpf then retries with log level 1) */
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, obj) {
		char *log = calloc(1, LOG_SIZE);
		if (!log || bpf_program__set_log_buf(prog, log, LOG_SIZE) != 0) {
			fprintf(stderr, PROG ": out of memory\n");
			return 2;
		}
	}
	int err = bpf_object__load(obj);
	int status = 0;
	bpf_object__for_each_program(prog, obj) {
		printf("{\"program\":");
		put_json_string(bpf_program__name(prog));
		int fd = bpf_program__fd(prog);
		struct bpf_prog_info info = { 0 };
		__u32 len = sizeof(info);
		if (fd >= 0 && bpf_obj_get_info_by_fd(fd, &info, &len) == 0) {
			printf(",\"loaded\":true,\"insns\":%u,\"verified\":%u}\n", info.xlated_prog_len / 8, info.verified_insns);
			continue;
		}
		size_t log_size = 0;
		const char *log = bpf_program__log_buf(prog, &log_size);
		printf(",\"loaded\":false,\"log\":");
		put_json_string(log && *log ? log : "");
		printf("}\n");
		status = 1;
	}
	if (err) {
		printf("{\"error\":%d,\"notes\":", -err);
		put_json_string(notes);
		printf("}\n");
		status = 1;
	}
	bpf_object__close(obj);
	return status;
}
