# bash completion for banmian: its commands, each command's options, and folders or
# values where an option takes one. Installed as
# /usr/share/bash-completion/completions/banmian; or source it from ~/.bashrc.
# (tests/cli/conventions_test.sh checks that it names every option of every --help.)

_banmian() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="render check dump watch fonts new help"
  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      render|check|dump|watch|fonts|new|help) command=${COMP_WORDS[i]}; break ;;
    esac
  done
  if [ -z "$command" ]; then
    COMPREPLY=($(compgen -W "$commands --help -h --version -V" -- "$cur"))
    return
  fi
  case $prev in
    -o|--out|--fonts|--layouts|--write-templates)
      COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --pdfx) COMPREPLY=($(compgen -W "1a 4" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --dpi|--jobs|-j|--port|--pages|--paper|--from) return ;;
  esac
  local options=""
  case $command in
    render) options="--out -o --dpi --no-png --pages --proof --press --pdfx --marks
                     --press-despite-errors --jobs -j --fonts --layouts --quiet -q --color
                     --fail-on-warnings --help -h" ;;
    check) options="--json --write-templates --jobs -j --fonts --layouts --quiet -q --color
                    --fail-on-warnings --help -h" ;;
    dump) options="--jobs -j --fonts --layouts --quiet -q --color --help -h" ;;
    watch) options="--port --dpi --jobs -j --fonts --layouts --quiet -q --color --help -h" ;;
    fonts) options="--fonts --paper --layouts --help -h" ;;
    new)
      if [ "$COMP_CWORD" -eq $((i + 1)) ]; then
        COMPREPLY=($(compgen -W "paper issue" -- "$cur")); return
      fi
      options="--from --paper --layouts --help -h" ;;
    help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    COMPREPLY=($(compgen -d -- "$cur"))
  fi
}
complete -F _banmian banmian
