#!/usr/bin/env bash
# The shape of SONiC's docker-orchagent start.sh: render the swss configs (one Python + Jinja2 start per
# template, as sonic-cfggen costs at least), then start the programs in order, one supervisorctl each.
mkdir -p /etc/swss/config.d/
for t in switch ipinip ports; do
  [ -f /usr/share/sonic/templates/$t.json.j2 ] && \
    python3 -c 'import jinja2,sys; print(jinja2.Template(open(sys.argv[1]).read()).render())' \
      /usr/share/sonic/templates/$t.json.j2 > /etc/swss/config.d/$t.json
done
for p in portsyncd intfsyncd neighsyncd swssconfig enable_counters; do
  supervisorctl start $p
done
