#!/usr/bin/python3
"""The Python reference for the sonic-cfggen differential tests.

Behaves like SONiC's sonic-cfggen for the JSON/port_config sources (-j, -a, -k/-p) and the outputs (-t, -v,
--var-json, --print-data) with stock Jinja2 (trim_blocks=True) and SONiC's filters written again here on top of
python3-netaddr. "batch MANIFEST" runs many command lines in one interpreter and prints their results as JSON.
"""
import base64
import json
import os
import sys
from collections import OrderedDict
from functools import partial

import jinja2
import netaddr


def is_ip_version(version, value):
    if not value:
        return False
    try:
        return netaddr.IPNetwork(str(value)).version == version
    except Exception:
        return False


def prefix_attr(attr, value):
    if not value:
        return None
    try:
        net = netaddr.IPNetwork(str(value))
    except Exception:
        return None
    result = getattr(net, attr)
    return None if result is None else str(result)


def sort_by_port_index(value):
    if value and isinstance(value, list):
        value.sort(key=lambda k: int(k[11:]) + 1024 if "BP" in k else int(k[8:]))


def unique_name(items):
    seen, out = [], []
    for item in items:
        if item['name'] not in seen:
            seen.append(item['name'])
            out.append(item)
    return out


def pfx_filter(value):
    table = OrderedDict()
    if not value:
        return table
    for key, val in value.items():
        if not isinstance(key, tuple) or len(key) != 2:
            continue
        intf, addr = key
        try:
            ok = 0 < len(intf.encode()) < 16
            netaddr.IPNetwork(str(addr))
        except Exception:
            ok = False
        if not ok:
            print("pfx_filter: skipping invalid interface table key", file=sys.stderr)
            continue
        if '/' in addr:
            table[key] = val
        elif is_ip_version(4, addr):
            table[(intf, addr + "/32")] = val
        elif is_ip_version(6, addr):
            table[(intf, addr + "/128")] = val
        else:
            raise ValueError("'%s' is invalid ip address" % addr)
    return table


def ip_network(value):
    try:
        return netaddr.IPNetwork(value).network
    except Exception:
        return "Invalid ip address %s" % value


def get_primary_addr(value):
    import ipaddress
    if not value:
        return ""
    table = pfx_filter(value)
    primary = OrderedDict()
    secondary = set(name for (name, _), val in table.items() if "secondary" in val)
    for (name, prefix), val in table.items():
        if name in secondary and "secondary" not in val:
            primary[(name, ipaddress.ip_network(prefix, strict=False)[1])] = {}
            secondary.remove(name)
    return primary


def b64encode(value):
    try:
        return base64.b64encode(value.encode()).decode()
    except Exception:
        return value


def b64decode(value):
    try:
        return base64.b64decode(value.encode()).decode()
    except Exception:
        return value


def deserialize(data):
    for table in data:
        if type(data[table]) is dict:
            for key in list(data[table].keys()):
                if '|' in key:
                    data[table][tuple(key.split('|'))] = data[table].pop(key)
    return data


def serialize(data):
    if type(data) is dict:
        for key in list(data.keys()):
            new = '|'.join(key) if type(key) is tuple else str(key)
            if new != key:
                data[new] = data.pop(key)
            data[new] = serialize(data[new])
    return data


def deep_update(dst, src):
    pending = [(dst, src)]
    while pending:
        d, s = pending.pop(0)
        for k, v in s.items():
            if isinstance(v, dict):
                pending.append((d.setdefault(k, type(v)()), v))
            else:
                d[k] = v
    return dst


def port_config(path):
    ports, titles = {}, ['name', 'lanes', 'alias', 'index']
    with open(path) as f:
        for line in f:
            if line.startswith('#'):
                if 'name' in line:
                    titles = line.strip('#').split()
                continue
            tokens = line.split()
            if len(tokens) < 2:
                continue
            n = titles.index('name')
            entry = {titles[i]: t for i, t in enumerate(tokens) if i != n}
            entry.setdefault('alias', tokens[n])
            ports[tokens[n]] = entry
    return ports


def environment(paths):
    loader = jinja2.FileSystemLoader(paths)
    env = jinja2.Environment(loader=loader, trim_blocks=True)
    env.filters.update(sort_by_port_index=sort_by_port_index, ipv4=partial(is_ip_version, 4),
                       ipv6=partial(is_ip_version, 6), unique_name=unique_name, pfx_filter=pfx_filter,
                       ip_network=ip_network, get_primary_addr=get_primary_addr, file_exists=os.path.isfile, b64encode=b64encode, b64decode=b64decode)
    for attr in ['ip', 'network', 'prefixlen', 'netmask', 'broadcast']:
        env.filters[attr] = partial(prefix_attr, attr)

    def template_exists(name):
        try:
            loader.get_source(env, name)
            return True
        except jinja2.exceptions.TemplateNotFound:
            return False
    env.globals.update(template_exists=template_exists, is_smartswitch=False)
    return env


def run(argv, out):
    data, templates, jsons, opts = {}, [], [], {}
    i = 0
    while i < len(argv):
        a = argv[i]
        v = argv[i + 1] if i + 1 < len(argv) else None
        if a == '--print-data':
            opts['print'] = True
            i += 1
            continue
        if a == '-j':
            jsons.append(v)
        elif a == '-t':
            templates.append(tuple(v.split(',')) if ',' in v else (v, None))
        elif a in ('-a', '-k', '-p', '-T', '-v', '--var-json', '--db-view'):
            opts[a] = v
        else:
            raise SystemExit("oracle: unsupported argument " + a)
        i += 2
    # SONiC's merge order: -k/-p, every -j, then -a.
    if '-k' in opts:
        deep_update(data, {'DEVICE_METADATA': {'localhost': {'hwsku': opts['-k']}}})
        deep_update(data, {'PORT': port_config(opts['-p'])})
    for path in jsons:
        with open(path) as f:
            deep_update(data, deserialize(json.load(f)))
    if '-a' in opts:
        deep_update(data, json.loads(opts['-a']))
    if '--db-view' in opts:
        # What -d reads after "sonic-cfggen -j FILE -w": SONiC's typed_to_raw on write, then the pipe
        # connector's sorted maps and raw_to_typed on read.
        with open(opts['--db-view']) as f:
            written = deserialize(json.load(f))
        raw = {}
        for table, rows in written.items():
            if not table[0].isupper() or not isinstance(rows, dict):
                continue
            for key, row in rows.items():
                key = '|'.join(key) if isinstance(key, tuple) else str(key)
                fields = {'NULL': 'NULL'} if len(row) == 0 else {
                    (k + '@' if type(v) is list else k): (','.join(v) if type(v) is list else str(v)) for k, v in row.items()}
                raw.setdefault(table.upper(), {}).setdefault(key, {}).update(fields)
        db = {}
        for table in sorted(raw):
            for key in sorted(raw[table]):
                typed = {}
                for field in sorted(raw[table][key]):
                    value = raw[table][key][field]
                    if field == 'NULL':
                        continue
                    if field.endswith('@'):
                        typed[field[:-1]] = value.split(',')
                    else:
                        typed[field] = value
                db.setdefault(table, {})[tuple(key.split('|')) if '|' in key else key] = typed
        deep_update(data, db)
    paths = ['/', '/usr/share/sonic/templates']
    if '-T' in opts:
        paths.append(os.path.abspath(opts['-T']))
    for t, _ in templates:
        paths.append(os.path.dirname(os.path.abspath(t)))
    if templates:
        env = environment(paths)
        for t, dest in templates:
            text = env.get_template(os.path.basename(t)).render(data)
            if dest == 'config-db':
                deep_update(data, deserialize(json.loads(text)))
            elif dest is None:
                print(text, file=out)
            else:
                with open(dest, 'w') as f:
                    print(text, file=f)
    if '-v' in opts:
        print(jinja2.Template('{{' + opts['-v'] + '}}').render(data), file=out)
    if '--var-json' in opts and opts['--var-json'] in data:
        print(json.dumps(serialize(data[opts['--var-json']]), indent=4), file=out)
    if opts.get('print'):
        print(json.dumps(serialize(data), indent=4), file=out)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'batch':
        import io
        with open(sys.argv[2]) as f:
            cases = json.load(f)
        results = {}
        for case in cases:
            buf = io.StringIO()
            try:
                run(case['args'], buf)
                results[case['name']] = {'rc': 0, 'stdout': buf.getvalue(), 'error': ''}
            except Exception as e:
                results[case['name']] = {'rc': 1, 'stdout': buf.getvalue(), 'error': '%s: %s' % (type(e).__name__, e)}
        json.dump(results, sys.stdout)
        return
    run(sys.argv[1:], sys.stdout)


if __name__ == '__main__':
    main()
