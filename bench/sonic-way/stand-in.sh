#!/bin/bash
# Stand-in for a swss daemon: stays up until stopped, like the real one.
exec sleep infinity
