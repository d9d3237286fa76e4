#!/usr/bin/env python3
"""Checks docker/ without a Docker engine (none runs on the build machines): every compose file is valid for
docker-compose (`config`), every file a Dockerfile copies exists in the build context, and every path a service
mounts or reads from the network tree exists in a tree freshly written as `make localnet-build` writes it, the
Payara container mounts no client, ledger or node folder of the tree (issue 19: instances get only their own homes),
and every gateway is metered and reaches the compose network's validators (issue 20).

Usage: docker/check.py  (from anywhere; needs `make build` first, docker-compose and python3-yaml)."""
import os
import re
import subprocess
import sys
import tempfile

import yaml

DOCKER = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOCKER)
COMPOSE = os.path.join(DOCKER, 'docker-compose.yml')
TREE_MOUNT = '/network'
problems = []


def pinned_cometbft():
    """The CometBFT version the Makefile pins (the one place it is set)."""
    with open(os.path.join(ROOT, 'Makefile')) as f:
        return re.search(r'^COMETBFT_VERSION := (\S+)$', f.read(), re.M).group(1)


def check_cometbft(config):
    pinned = pinned_cometbft()
    for name, service in config['services'].items():
        image = service.get('image', '')
        if image.startswith('nym/cometbft:') and image != 'nym/cometbft:' + pinned:
            problems.append(f'{name}: runs {image}, but the Makefile pins CometBFT {pinned}')


# The tree's folders the Payara container must not see: the instances' homes are made from the rest (payara-config).
NOT_FOR_PAYARA = ('clients', 'ledger', 'mixnodes', 'gateways')


def check_payara_mounts(config, tree):
    """The payara service mounts parts of the tree, never the whole tree nor a folder of clients, ledger or nodes."""
    for v in config['services']['payara'].get('volumes', []):
        source, _ = bind_mount(v)
        if source is None:
            continue
        inside = os.path.relpath(os.path.realpath(source), os.path.realpath(tree))
        if inside == '.' or inside.split(os.sep)[0] in NOT_FOR_PAYARA:
            problems.append(f'payara: mounts {source}; the instances get their homes from the tree\'s public files and'
                            ' authority folders only')


GATEWAY_HOME = re.compile(TREE_MOUNT + r'/gateways/gateway-[0-9]+$')


def check_gateway_ledger(config, tree):
    """Each gateway is metered (issue 20): its home in the tree has the ledger_nodes line the entrypoint points at the
    compose network's validators, and its ledger key; NYM_LEDGER_NODES names validators of this compose file."""
    services = config['services']
    for name, service in services.items():
        command = service.get('command') or []
        home = command[0] if isinstance(command, list) and command else ''
        if not GATEWAY_HOME.match(home):
            continue
        folder = os.path.join(tree, os.path.relpath(home, TREE_MOUNT))
        config_toml = os.path.join(folder, 'config.toml')
        if not os.path.isfile(config_toml) or not re.search(r'^ledger_nodes = \["', open(config_toml).read(), re.M):
            problems.append(f'{name}: {home}/config.toml has no ledger nodes (an unmetered gateway)')
        if not os.path.isfile(os.path.join(folder, 'keys', 'ledger.key')):
            problems.append(f'{name}: {home}/keys/ledger.key missing (the gateway\'s ledger account)')
        nodes = (service.get('environment') or {}).get('NYM_LEDGER_NODES', '')
        if not nodes:
            problems.append(f'{name}: no NYM_LEDGER_NODES: the gateway would look for the ledger on 127.0.0.1')
        for url in filter(None, nodes.split(',')):
            host = re.match(r'https?://([^:/]+)', url)
            if host is None or host.group(1) not in services:
                problems.append(f'{name}: NYM_LEDGER_NODES names {url}, not a service of the compose file')


def compose_config(tree):
    env = dict(os.environ, NYM_BUILD=tree)
    out = subprocess.run(['docker-compose', '-f', COMPOSE, 'config'], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit('docker-compose config failed:\n' + out.stderr)
    return yaml.safe_load(out.stdout)


def dockerfile_sources(path):
    """COPY/ADD sources of a Dockerfile (build-context relative), skipping --from copies between stages."""
    text = re.sub(r'\\\n', ' ', open(path).read())
    for line in text.splitlines():
        words = line.split()
        if not words or words[0].upper() not in ('COPY', 'ADD'):
            continue
        args = [w for w in words[1:] if not w.startswith('--')]
        if any(w.startswith('--from') for w in words[1:]):
            continue
        if args and args[0].startswith('['):
            args = yaml.safe_load(' '.join(args))
        yield from args[:-1]


def check_build(name, build):
    context = build['context'] if isinstance(build, dict) else build
    dockerfile = os.path.join(context, build.get('dockerfile', 'Dockerfile') if isinstance(build, dict) else 'Dockerfile')
    if not os.path.isfile(dockerfile):
        problems.append(f'{name}: Dockerfile {dockerfile} missing')
        return
    for src in dockerfile_sources(dockerfile):
        if not os.path.exists(os.path.join(context, src)):
            problems.append(f'{name}: {os.path.relpath(dockerfile, ROOT)} copies {src}, missing in the build context'
                            ' (run make build?)')


def bind_mount(volume):
    """(host path, container path) of a bind mount in either syntax; (None, None) for named volumes."""
    if isinstance(volume, dict):
        return (volume['source'], volume['target']) if volume.get('type') == 'bind' else (None, None)
    parts = volume.split(':')
    return (parts[0], parts[1]) if parts[0].startswith('/') else (None, None)


def tree_paths(service):
    """Paths under /network a service's command or entrypoint names."""
    words = []
    for key in ('command', 'entrypoint'):
        value = service.get(key) or []
        words += value if isinstance(value, list) else [value]
    for w in words:
        yield from re.findall(TREE_MOUNT + r'/[A-Za-z0-9_./-]+', str(w))


def main():
    with tempfile.TemporaryDirectory() as tree:
        # the tree as `make localnet-build` writes it (keys, genesis, and the mix nodes' and gateways' homes)
        env = dict(os.environ, NYM_LOCALNET_HOME=tree, NYM_LOCALNET_SEED='docker-check')
        subprocess.run([os.path.join(ROOT, 'localnet/bin/localnet'), 'build'], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        config = compose_config(tree)
        check_cometbft(config)
        check_payara_mounts(config, tree)
        check_gateway_ledger(config, tree)
        checked = 0
        for name, service in config['services'].items():
            checked += 1
            if 'build' in service:
                check_build(name, service['build'])
            mounts = {}
            for v in service.get('volumes', []):
                source, target = bind_mount(v)
                if source is None:
                    continue
                mounts[target] = source
                if not os.path.exists(source):
                    problems.append(f'{name}: mounts {source}, missing')
            for p in tree_paths(service):
                host = mounts.get(TREE_MOUNT)
                if host is None:
                    problems.append(f'{name}: reads {p} but does not mount the network tree at {TREE_MOUNT}')
                elif not os.path.exists(os.path.join(host, os.path.relpath(p, TREE_MOUNT))):
                    problems.append(f'{name}: reads {p}, missing in a fresh network tree')
    for p in problems:
        print('docker check: ' + p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f'docker check: {os.path.relpath(COMPOSE, ROOT)} valid, {checked} services, every referenced file present')


if __name__ == '__main__':
    main()
